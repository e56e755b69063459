import EventsCore
import Foundation
import Sync
import Testing

/// A webinar's join link reaches only those with a seat, against the seeded daemon over HTTP: not the public
/// calendar, not an attendee's reads, pull or feed until they are confirmed; their organizer and moderator
/// always; a session without a seat limit keeps a public link.
@Suite(.serialized) struct JoinLinkTests {
    static let webinars = "migration-webinars-2021"

    static func pulledLinks(_ url: String, token: String) throws -> [Change] {
        try CraftedPushOverHTTPTests.pulled(url, token: token).filter {
            $0.table == "sessions" && $0.column == "join_url"
        }
    }

    @Test func aJoinLinkReachesOnlyThoseWithASeat() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let admin = try createUser(database: database, email: "admin@example.org", name: "Admin", admin: true)
        let attendee = try createUser(database: database, email: "peter.otieno@example.org", name: "Peter Otieno")
        let moderator = try createUser(database: database, email: "sofia.rossi@example.org", name: "Sofia Rossi")
        let daemon = try Daemon(database: database)
        defer { daemon.stop() }
        let webinar = StableID.make("session", Self.webinars, "w1")
        let link = try #require(
            CraftedPushOverHTTPTests.get("\(daemon.url)/v1/sessions/\(webinar)", token: admin).body["joinURL"]
                as? String)

        let open =
            #"{"eventID":"gms-2017","title":"Livestream of the opening","startsAt":"2017-09-18T09:00","endsAt":"2017-09-18T10:00","joinURL":"https://stream.example.org/gms-opening"}"#
        #expect(
            try HostileInputTests.request("\(daemon.url)/v1/sessions", token: admin, body: Data(open.utf8)).status
                == 201)

        let publicCalendar = String(
            decoding: try HostileInputTests.request(
                "\(daemon.url)/v1/events/\(Self.webinars)/agenda.ics", method: "GET", token: nil
            ).body, as: UTF8.self)
        #expect(
            publicCalendar.contains("BEGIN:VEVENT") && !publicCalendar.contains(link),
            "a 500-seat webinar's link is not public")
        let openCalendar = String(
            decoding: try HostileInputTests.request(
                "\(daemon.url)/v1/events/gms-2017/agenda.ics", method: "GET", token: nil
            ).body, as: UTF8.self)
        #expect(
            openCalendar.contains("https://stream.example.org/gms-opening"),
            "a session without a seat limit keeps a public link")

        let unseated = try CraftedPushOverHTTPTests.get("\(daemon.url)/v1/sessions/\(webinar)", token: attendee).body
        #expect(unseated["joinURL"] == nil && unseated["joinRequiresSeat"] as? Bool == true)
        #expect(try !Self.pulledLinks(daemon.url, token: attendee).contains { $0.rowID == webinar })
        let before = try Laptop.signedIn("before", in: folder, daemon: daemon, token: attendee)
        #expect(try before.ok("agenda", "--event", Self.webinars).contains("online: register to receive the link"))
        #expect(
            try Self.pulledLinks(daemon.url, token: moderator).contains {
                $0.rowID == webinar && $0.value == .text(link)
            }, "the moderator has it")

        let answered = try HostileInputTests.request(
            "\(daemon.url)/v1/sessions/\(webinar)/rsvp", token: attendee, body: Data(#"{"response":"accepted"}"#.utf8))
        #expect(PushedValueTests.json(answered.body)["decision"] as? String == "confirmed")
        #expect(
            try CraftedPushOverHTTPTests.get("\(daemon.url)/v1/sessions/\(webinar)", token: attendee).body["joinURL"]
                as? String == link)
        #expect(
            try Self.pulledLinks(daemon.url, token: attendee).contains {
                $0.rowID == webinar && $0.value == .text(link)
            })
        let laptop = try Laptop.signedIn("attendee", in: folder, daemon: daemon, token: attendee)
        #expect(
            try laptop.ok("agenda", "--event", Self.webinars).contains(link), "the confirmed attendee's laptop has it")
        let feed = try HostileInputTests.request("\(daemon.url)/v1/me/feed", token: attendee, body: nil)
        let feedURL = try #require(PushedValueTests.json(feed.body)["url"] as? String)
        let personal = String(
            decoding: try HostileInputTests.request(feedURL, method: "GET", token: nil).body, as: UTF8.self)
        #expect(personal.contains(link), "and their personal feed")
        #expect(
            !String(
                decoding: try HostileInputTests.request(
                    "\(daemon.url)/v1/events/\(Self.webinars)/agenda.ics", method: "GET", token: nil
                ).body, as: UTF8.self
            ).contains(link))
    }

    /// Whether any of the laptop's replica files (the write-ahead log included) holds `text`.
    static func filesHold(_ text: String, laptop: Laptop) throws -> Bool {
        let files = try FileManager.default.contentsOfDirectory(atPath: laptop.home.path).filter {
            $0.hasPrefix("replica.sqlite")
        }
        return try files.contains {
            try Data(contentsOf: laptop.home.appendingPathComponent($0)).range(of: Data(text.utf8)) != nil
        }
    }

    @Test func laptopsForgetWhatLeavesTheirView() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let admin = try createUser(database: database, email: "admin@example.org", name: "Admin", admin: true)
        let first = try createUser(database: database, email: "peter.otieno@example.org", name: "Peter Otieno")
        let second = try createUser(database: database, email: "grace.liu@example.org", name: "Grace Liu")
        let daemon = try Daemon(database: database)
        defer { daemon.stop() }
        let link = "https://meet.example.org/one-seat-briefing"
        let body =
            #"{"eventID":"\#(Self.webinars)","title":"One-seat briefing","format":"webinar","startsAt":"2021-03-05T14:00","endsAt":"2021-03-05T15:00","capacity":1,"joinURL":"\#(link)"}"#
        let created = try HostileInputTests.request("\(daemon.url)/v1/sessions", token: admin, body: Data(body.utf8))
        let session = try #require(PushedValueTests.json(created.body)["id"] as? String)

        let a = try Laptop.signedIn("first", in: folder, daemon: daemon, token: first)
        let b = try Laptop.signedIn("second", in: folder, daemon: daemon, token: second)
        _ = try a.ok("rsvp", session, "accept")
        _ = try a.ok("sync")
        _ = try b.ok("rsvp", session, "accept")
        _ = try b.ok("sync")
        #expect(try a.ok("agenda", "--event", Self.webinars).contains(link), "confirmed: the link arrives")
        #expect(try !Self.filesHold(link, laptop: b), "waitlisted: not a byte of it, write-ahead log included")

        _ = try a.ok("rsvp", session, "decline")
        _ = try a.ok("sync")
        #expect(try !a.ok("agenda", "--event", Self.webinars).contains(link), "declined: the link is gone")
        #expect(try !Self.filesHold(link, laptop: a), "and left no bytes behind")
        #expect(try a.ok("status", "--json").contains("\"pendingChanges\" : 0"), "forgetting pushes nothing back")
        #expect(
            try CraftedPushOverHTTPTests.get("\(daemon.url)/v1/sessions/\(session)", token: admin).body["joinURL"]
                as? String == link)
        _ = try b.ok("sync")
        #expect(
            try b.ok("agenda", "--event", Self.webinars).contains(link), "promoted from the waitlist: the link arrives")

        let open =
            #"{"eventID":"\#(Self.webinars)","title":"Open briefing","format":"webinar","startsAt":"2021-03-06T14:00","endsAt":"2021-03-06T15:00","joinURL":"https://meet.example.org/open-briefing"}"#
        let openSession = try #require(
            PushedValueTests.json(
                try HostileInputTests.request("\(daemon.url)/v1/sessions", token: admin, body: Data(open.utf8)).body)[
                    "id"] as? String)
        _ = try a.ok("sync")
        #expect(try a.ok("agenda", "--event", Self.webinars).contains("open-briefing"), "no seat limit: a public link")
        let limited = try HostileInputTests.request(
            "\(daemon.url)/v1/sessions/\(openSession)", method: "PATCH", token: admin,
            body: Data(#"{"capacity":20}"#.utf8))
        #expect(limited.status == 200)
        _ = try a.ok("sync")
        #expect(
            try !Self.filesHold("https://meet.example.org/open-briefing", laptop: a),
            "a session that comes to need a seat takes its link away")

        let c = b  // Grace Liu is invited to the private summit, and has no role in it
        #expect(try c.ok("sessions", "list", "--event", "pss-2016").contains("Roundtable"))
        let invitation = StableID.make(
            "invitation", StableID.make("event", "pss-2016"), "", StableID.make("person", "grace.liu@example.org"))
        #expect(
            try HostileInputTests.request("\(daemon.url)/v1/invitations/\(invitation)", method: "DELETE", token: admin)
                .status == 204)
        _ = try c.ok("sync")
        #expect(
            try c.run("sessions", "list", "--event", "pss-2016").status != 0,
            "a revoked invitation takes the private summit off the laptop")
        #expect(try !Self.filesHold("Roundtable: jobs and skills for refugees", laptop: c))
    }
}
