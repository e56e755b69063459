import Foundation
import Sync
import Testing

@testable import EventsCore

/// Integrity under real operations, against the real daemon over HTTP: a restamped answer runs the same seat
/// decisions as any other, a revoked invitation takes its seat back at once, and a session people answered
/// is not deleted out from under them.
@Suite(.serialized) struct IntegrityTests {
    /// A published event with a one-seat session and an invitation-only one, its organizer and three attendees.
    struct World {
        let database: URL
        var tokens: [String: String] = [:]
        let oneSeat: String
        let closed: String
        let inSalon: String
        let salon: String
        static let attendees = ["first@example.org", "second@example.org", "third@example.org"]

        init() throws {
            let folder = try temporaryFolder()
            database = folder.appendingPathComponent("eventsd.sqlite")
            let store = try EventsStore.open(path: database.path, migrations: AccountStore.registerMigrations)
            let accounts = AccountStore(replica: store.replica)
            try store.addEvent(
                EventDraft(
                    slug: "gms", title: "Global Mayors Summit", kind: "summit", timezone: "America/New_York",
                    startsOn: "2017-09-18", endsOn: "2017-09-19"))
            oneSeat = try store.addSession(
                eventSlug: "gms",
                SessionDraft(
                    title: "Mayors' breakfast", start: "2017-09-18T08:00", end: "2017-09-18T09:00", capacity: 1))
            closed = try store.addSession(
                eventSlug: "gms",
                SessionDraft(
                    title: "Closed roundtable", start: "2017-09-18T10:00", end: "2017-09-18T11:00", invitationOnly: true
                ))
            salon = try store.addRoom(eventSlug: "gms", name: "Salon", capacity: 1)
            inSalon = try store.addSession(
                eventSlug: "gms",
                SessionDraft(title: "Salon talk", start: "2017-09-18T14:00", end: "2017-09-18T15:00", room: "Salon"))
            for email in ["organizer@example.org"] + Self.attendees {
                try store.addPerson(name: email.components(separatedBy: "@")[0].capitalized, email: email)
                tokens[email] = try accounts.createAccount(email: email, name: email, isAdmin: false).token
            }
            try accounts.grant(.organizer, to: "organizer@example.org", eventSlug: "gms")
            try store.invite(eventSlug: "gms", sessionID: closed, person: Self.attendees[0])
        }

        static func rsvp(_ session: String, _ email: String) -> String {
            StableID.make("rsvp", session, StableID.make("person", email))
        }
    }

    static func answer(_ url: String, _ session: String, token: String, _ response: String) throws -> Int {
        try HostileInputTests.request(
            "\(url)/v1/sessions/\(session)/rsvp", token: token, body: Data(#"{"response":"\#(response)"}"#.utf8)
        ).status
    }

    static func decision(_ url: String, _ id: String, token: String) throws -> String? {
        try CraftedPushOverHTTPTests.get("\(url)/v1/rsvps/\(id)", token: token).body["decision"] as? String
    }

    /// An answer pushed by a laptop whose clock runs an hour ahead: restamped by the daemon.
    static func pushAhead(_ url: String, token: String, rsvp: String, fields: [(String?, SyncValue)]) throws
        -> PushResponse
    {
        try CraftedPushOverHTTPTests.push(
            url, token: token, fields.map { ("rsvps", rsvp, $0.0, $0.1, 0) }, ahead: 3_600_000)
    }

    /// A pushed deletion of a row alive in its first incarnation.
    static func pushDeletion(_ url: String, token: String, _ table: String, _ row: String) throws -> PushResponse {
        try CraftedPushOverHTTPTests.push(url, token: token, [(table, row, nil, .null, 0)], causalLength: 2)
    }

    @Test func aRestampedAnswerRunsTheSameSeatDecisions() throws {
        let world = try World()
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let (first, second, third) = (World.attendees[0], World.attendees[1], World.attendees[2])
        let organizer = world.tokens["organizer@example.org"]!
        #expect(try Self.answer(daemon.url, world.oneSeat, token: world.tokens[first]!, "accepted") == 200)
        #expect(try Self.answer(daemon.url, world.oneSeat, token: world.tokens[second]!, "accepted") == 200)
        #expect(try Self.decision(daemon.url, World.rsvp(world.oneSeat, second), token: organizer) == "waitlisted")

        let decline = try Self.pushAhead(
            daemon.url, token: world.tokens[first]!, rsvp: World.rsvp(world.oneSeat, first),
            fields: [("response", .text("declined"))])
        #expect(decline.notes.map(\.kind) == [.restamped])
        #expect(
            try Self.decision(daemon.url, World.rsvp(world.oneSeat, first), token: organizer) == nil,
            "a decline gives the seat up")
        #expect(
            try Self.decision(daemon.url, World.rsvp(world.oneSeat, second), token: organizer) == "confirmed",
            "the next in line is promoted")

        let thirdRSVP = World.rsvp(world.oneSeat, third)
        let accept = try Self.pushAhead(
            daemon.url, token: world.tokens[third]!, rsvp: thirdRSVP,
            fields: [
                (nil, .null), ("session_id", .text(world.oneSeat)),
                ("person_id", .text(StableID.make("person", third))), ("response", .text("accepted")),
            ])
        #expect(accept.notes.allSatisfy { $0.kind == .restamped })
        #expect(
            try Self.decision(daemon.url, thirdRSVP, token: organizer) == "waitlisted",
            "a restamped accept gets a decision")

        let reaccept = try Self.pushAhead(
            daemon.url, token: world.tokens[first]!, rsvp: World.rsvp(world.oneSeat, first),
            fields: [("response", .text("accepted"))])
        #expect(reaccept.notes.map(\.kind) == [.restamped])
        #expect(
            try Self.decision(daemon.url, World.rsvp(world.oneSeat, second), token: organizer) == "confirmed",
            "a re-accept takes no seat back")
        #expect(try Self.decision(daemon.url, World.rsvp(world.oneSeat, first), token: organizer) == "waitlisted")
    }

    @Test func revokingAnInvitationTakesItsSeatBackAtOnce() throws {
        let world = try World()
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let invitee = World.attendees[0]
        let organizer = world.tokens["organizer@example.org"]!
        #expect(try Self.answer(daemon.url, world.closed, token: world.tokens[invitee]!, "accepted") == 200)
        let rsvp = World.rsvp(world.closed, invitee)
        #expect(try Self.decision(daemon.url, rsvp, token: organizer) == "confirmed")
        let invitation = StableID.make(
            "invitation", StableID.make("event", "gms"), world.closed, StableID.make("person", invitee))
        let invitations = try CraftedPushOverHTTPTests.items("\(daemon.url)/v1/invitations?event=gms", token: organizer)
        let revoked = try #require(
            invitations.first { $0["personID"] as? String == StableID.make("person", invitee) }?["id"] as? String)
        #expect(revoked == invitation)
        #expect(
            try HostileInputTests.request("\(daemon.url)/v1/invitations/\(revoked)", method: "DELETE", token: organizer)
                .status == 204)
        #expect(try Self.decision(daemon.url, rsvp, token: organizer) == "refused", "no unrelated change needed")
    }

    @Test func aSessionPeopleAnsweredIsNotDeletedOutFromUnderThem() throws {
        let world = try World()
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let attendee = World.attendees[1]
        let organizer = world.tokens["organizer@example.org"]!
        #expect(try Self.answer(daemon.url, world.oneSeat, token: world.tokens[attendee]!, "accepted") == 200)
        let refused = try HostileInputTests.request(
            "\(daemon.url)/v1/sessions/\(world.oneSeat)", method: "DELETE", token: organizer)
        #expect(refused.status == 409)
        #expect(PushedValueTests.json(refused.body)["type"] as? String == "/problems/in-use")

        let pushed = try Self.pushDeletion(daemon.url, token: organizer, "sessions", world.oneSeat)
        #expect(pushed.notes.map(\.kind) == [.rejected], "a pushed delete is refused too")
        #expect(
            try CraftedPushOverHTTPTests.get("\(daemon.url)/v1/sessions/\(world.oneSeat)", token: organizer).status
                == 200)

        let rsvp = World.rsvp(world.oneSeat, attendee)
        #expect(
            try HostileInputTests.request("\(daemon.url)/v1/rsvps/\(rsvp)", method: "DELETE", token: organizer).status
                == 204)
        #expect(
            try HostileInputTests.request(
                "\(daemon.url)/v1/sessions/\(world.oneSeat)", method: "DELETE", token: organizer
            ).status == 204)
        let again =
            #"{"id":"\#(world.oneSeat)","eventID":"gms","title":"Mayors' breakfast","startsAt":"2017-09-18T12:00:00Z","endsAt":"2017-09-18T13:00:00Z","capacity":1}"#
        let recreated = try HostileInputTests.request(
            "\(daemon.url)/v1/sessions", token: organizer, body: Data(again.utf8))
        #expect(recreated.status == 201, "\(String(decoding: recreated.body, as: UTF8.self))")
        #expect(
            try CraftedPushOverHTTPTests.items("\(daemon.url)/v1/rsvps?event=gms", token: organizer).isEmpty,
            "no old answer comes back")
    }

    @Test func seatsFollowTheRoomRowThroughARenameAndARoomInUseStays() throws {
        let world = try World()
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let organizer = world.tokens["organizer@example.org"]!
        let renamed = try HostileInputTests.request(
            "\(daemon.url)/v1/rooms/\(world.salon)", method: "PATCH", token: organizer,
            body: Data(#"{"name":"Blue Salon"}"#.utf8))
        #expect(renamed.status == 200)
        let session = try CraftedPushOverHTTPTests.get("\(daemon.url)/v1/sessions/\(world.inSalon)", token: organizer)
            .body
        #expect(session["room"] as? String == "Blue Salon" && session["roomID"] as? String == world.salon)
        for attendee in World.attendees {
            #expect(try Self.answer(daemon.url, world.inSalon, token: world.tokens[attendee]!, "accepted") == 200)
        }
        let decisions = try World.attendees.map {
            try Self.decision(daemon.url, World.rsvp(world.inSalon, $0), token: organizer)
        }
        #expect(
            decisions == ["confirmed", "waitlisted", "waitlisted"], "one seat in a one-seat room, whatever it is called"
        )

        let refused = try HostileInputTests.request(
            "\(daemon.url)/v1/rooms/\(world.salon)", method: "DELETE", token: organizer)
        #expect(refused.status == 409)
        let pushed = try Self.pushDeletion(daemon.url, token: organizer, "rooms", world.salon)
        #expect(pushed.notes.map(\.kind) == [.rejected], "a pushed delete of a room in use is refused too")
        #expect(try Self.answer(daemon.url, world.inSalon, token: world.tokens[World.attendees[0]]!, "declined") == 200)
        #expect(
            try Self.decision(daemon.url, World.rsvp(world.inSalon, World.attendees[1]), token: organizer)
                == "confirmed")
    }
}
