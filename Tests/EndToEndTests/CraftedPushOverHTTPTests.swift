import EventsCore
import Foundation
import Sync
import Testing

/// The crafted pushes that once beat the rules, sent over HTTP to the real, seeded `eventsd` by accounts made
/// with `eventsd admin`: borrowed links, stamp order, delegation games, organizers forging attendees' rows and
/// a mistyped value. The daemon is killed (`kill -9`) after the hostile batches and restarted; nothing they
/// tried is there, and the accounts' pulls and reads show only what the rights table allows.
@Suite(.serialized) struct CraftedPushOverHTTPTests {
    typealias Field = CraftedPushTests.Field

    static let pss = "pss-2016"
    static let webinars = "migration-webinars-2021"

    /// The seeded daemon's database with an administrator and five accounts of seeded people.
    struct World {
        let folder: URL
        let database: URL
        var tokens: [String: String] = [:]

        static let attendee = "peter.otieno@example.org"
        static let invitee = "michael.brooks@example.org"
        static let webOrganizer = "david.tremblay@example.org"
        static let victim = "kwame.mensah@example.org"
        static let third = "farhana.rahman@example.org"

        init() throws {
            folder = try temporaryFolder()
            database = folder.appendingPathComponent("eventsd.sqlite")
            tokens["admin"] = try createUser(database: database, email: "admin@example.org", name: "Admin", admin: true)
            for email in [Self.attendee, Self.invitee, Self.webOrganizer, Self.victim, Self.third] {
                tokens[email] = try createUser(database: database, email: email, name: email)
            }
            try grant(database: database, email: Self.webOrganizer, event: webinars, role: "organizer", seed: true)
        }

        static func event(_ slug: String) -> String { StableID.make("event", slug) }
        static func session(_ slug: String, _ key: String) -> String { StableID.make("session", slug, key) }
        static func person(_ email: String) -> String { StableID.make("person", email) }
        static func rsvp(_ session: String, _ email: String) -> String { StableID.make("rsvp", session, person(email)) }
    }

    /// A hand-made push over HTTP from a replica of its own, stamped `ahead` milliseconds past the wall clock;
    /// the counter in each field orders its stamp.
    static func push(_ url: String, token: String, _ fields: [Field], causalLength: Int64 = 1, ahead: Int64 = 0) throws
        -> PushResponse
    {
        let replica = ReplicaID()
        let changes = CraftedPushTests.changes(fields, replica: replica, causalLength: causalLength, ahead: ahead)
        let body = try JSONEncoder().encode(
            PushRequest(
                schemaVersion: EventsSchema.version, replica: replica, batch: UUID().uuidString,
                changes: ChangeSet(changes)))
        let reply = try HostileInputTests.request("\(url)/v1/sync/push", token: token, body: body)
        guard reply.status == 200 else {
            throw UnexpectedStatus(status: reply.status, body: String(decoding: reply.body, as: UTF8.self))
        }
        return try JSONDecoder().decode(PushResponse.self, from: reply.body)
    }

    struct UnexpectedStatus: Error {
        var status: Int
        var body: String
    }

    static func rejected(_ answer: PushResponse) -> Int { answer.notes.filter { $0.kind == .rejected }.count }

    static func rsvpFields(
        _ session: String, _ email: String, person: String? = nil, response: String = "accepted", counter: UInt16 = 0
    )
        -> [Field]
    {
        let id = World.rsvp(session, email)
        return [
            ("rsvps", id, nil, .null, counter), ("rsvps", id, "session_id", .text(session), counter),
            ("rsvps", id, "person_id", .text(World.person(person ?? email)), counter),
            ("rsvps", id, "response", .text(response), counter),
        ]
    }

    static func get(_ url: String, token: String?) throws -> (status: Int, body: [String: Any]) {
        let reply = try HostileInputTests.request(url, method: "GET", token: token)
        return (reply.status, PushedValueTests.json(reply.body))
    }

    /// Every item of a list, walked page by page.
    static func items(_ url: String, token: String) throws -> [[String: Any]] {
        var all: [[String: Any]] = []
        var cursor: String?
        repeat {
            let separator = url.contains("?") ? "&" : "?"
            let page = try get(url + (cursor.map { "\(separator)after=\($0)" } ?? ""), token: token)
            #expect(page.status == 200, "\(url): \(page.body)")
            all += page.body["items"] as? [[String: Any]] ?? []
            cursor = page.body["nextCursor"] as? String
        } while cursor != nil
        return all
    }

    /// Every change of an account's full pull from cursor 0.
    static func pulled(_ url: String, token: String) throws -> [Change] {
        var changes: [Change] = []
        var cursor: Int64 = 0
        var more = true
        while more {
            let reply = try HostileInputTests.request(
                "\(url)/v1/sync/pull?after=\(cursor)&limit=5000", method: "GET", token: token)
            #expect(reply.status == 200)
            let page = try JSONDecoder().decode(PullResponse.self, from: reply.body)
            changes += try page.changes.changes()
            cursor = page.cursor
            more = page.hasMore
        }
        return changes
    }

    @Test func everyHostileClassIsRefusedOverHTTPAndStaysRefusedAfterAKill() throws {
        let world = try World()
        var daemon = try Daemon(database: world.database, seed: nil)
        let jobs = World.session(Self.pss, "jobs")
        let webinar = World.session(Self.webinars, "w1")
        let opening = World.session("gms-2017", "opening")
        let attendee = world.tokens[World.attendee]!
        let invitee = world.tokens[World.invitee]!
        let organizer = world.tokens[World.webOrganizer]!

        let borrowed = try Self.push(
            daemon.url, token: attendee,
            [("sessions", jobs, "event_id", .text(World.event(Self.webinars)), 5)]
                + Self.rsvpFields(jobs, World.attendee))
        #expect(Self.rejected(borrowed) == 5, "borrowed link: \(borrowed.notes)")

        let ordered =
            Self.rsvpFields(webinar, World.attendee, counter: 1)
            + [("rsvps", World.rsvp(webinar, World.attendee), "person_id", .text(World.person(World.victim)), 9)]
        let stampOrder = try Self.push(
            daemon.url, token: attendee, [ordered[4], ordered[0], ordered[1], ordered[3], ordered[2]])
        #expect(Self.rejected(stampOrder) == 4, "stamp order: \(stampOrder.notes)")

        let mistyped = try Self.push(
            daemon.url, token: attendee, [("people", World.person(World.attendee), "name", .blob(Data(count: 64)), 0)])
        #expect(Self.rejected(mistyped) == 1)

        let role = StableID.make("role", opening, World.person(World.webOrganizer), "co-chair")
        let chair = try Self.push(
            daemon.url, token: organizer,
            [
                ("session_roles", role, nil, .null, 0), ("session_roles", role, "session_id", .text(opening), 0),
                ("session_roles", role, "person_id", .text(World.person(World.webOrganizer)), 0),
                ("session_roles", role, "role", .text("co-chair"), 0),
                ("sessions", opening, "title", .text("Taken over"), 1),
            ])
        #expect(Self.rejected(chair) == 5, "an organizer of another event: \(chair.notes)")
        #expect(
            Self.rejected(try Self.push(daemon.url, token: organizer, Self.rsvpFields(webinar, World.victim))) == 4,
            "a forged RSVP")
        let declaration = StableID.make("declaration", World.event(Self.pss), "call-to-action")
        let signature = StableID.make("signature", declaration, World.person(World.victim))
        let forgedSignature = try Self.push(
            daemon.url, token: organizer,
            [
                ("signatures", signature, nil, .null, 0),
                ("signatures", signature, "declaration_id", .text(declaration), 0),
                ("signatures", signature, "person_id", .text(World.person(World.victim)), 0),
            ])
        #expect(Self.rejected(forgedSignature) == 3, "a forged signature")

        let delegatorRSVP = World.rsvp(jobs, World.invitee)
        let selfDelegation =
            Self.rsvpFields(jobs, World.invitee, response: "delegated")
            + [("rsvps", delegatorRSVP, "substitute_id", .text(World.person(World.invitee)), 0)]
        #expect(Self.rejected(try Self.push(daemon.url, token: invitee, selfDelegation)) == 5, "self-delegation")
        let delegation =
            Self.rsvpFields(jobs, World.invitee, response: "delegated")
            + [("rsvps", delegatorRSVP, "substitute_id", .text(World.person(World.third)), 0)]
        #expect(try Self.push(daemon.url, token: invitee, delegation, causalLength: 3).notes.isEmpty)
        let reaccept = try Self.push(
            daemon.url, token: invitee, [("rsvps", delegatorRSVP, "response", .text("accepted"), 1)], causalLength: 3)
        #expect(reaccept.notes.map(\.kind) == [.rejected], "one invitation never yields two seats")
        let moved = try Self.push(
            daemon.url, token: invitee,
            [("rsvps", delegatorRSVP, "substitute_id", .text(World.person(World.victim)), 1)], causalLength: 3)
        #expect(moved.notes.map(\.kind) == [.rejected], "a substitute once named stays")
        let apiReaccept = try HostileInputTests.request(
            "\(daemon.url)/v1/sessions/\(jobs)/rsvp", token: invitee, body: Data(#"{"response":"accepted"}"#.utf8))
        #expect(apiReaccept.status == 403, "\(String(decoding: apiReaccept.body, as: UTF8.self))")

        daemon.kill9()
        daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        try Self.expectNothingHostileStored(daemon, world: world)
        #expect(try run(Binaries.eventsd, ["admin", "check", "--db", world.database.path]).status == 0)
    }

    /// What the daemon holds after the hostile batches, read as its administrator and as the attendee.
    static func expectNothingHostileStored(_ daemon: Daemon, world: World) throws {
        let url = daemon.url
        let admin = world.tokens["admin"]!
        let jobs = World.session(Self.pss, "jobs")
        #expect(try get("\(url)/v1/sessions/\(jobs)", token: admin).body["eventID"] as? String == World.event(Self.pss))
        let opening = try get("\(url)/v1/sessions/\(World.session("gms-2017", "opening"))", token: admin).body
        #expect(opening["title"] as? String == "Opening plenary: cities at the front line of migration")
        let roles = try items("\(url)/v1/session-roles?event=gms-2017", token: admin)
        #expect(!roles.contains { $0["personID"] as? String == World.person(World.webOrganizer) })
        #expect(try items("\(url)/v1/rsvps?event=\(Self.webinars)", token: admin).isEmpty)
        #expect(try items("\(url)/v1/signatures?event=\(Self.pss)", token: admin).isEmpty)
        let rsvps = try items("\(url)/v1/rsvps?event=\(Self.pss)", token: admin)
        #expect(rsvps.map { $0["personID"] as? String } == [World.person(World.invitee)])
        #expect(rsvps.first?["response"] as? String == "delegated")
        #expect(rsvps.first?["substituteID"] as? String == World.person(World.third))
        let invited = try items("\(url)/v1/invitations?event=\(Self.pss)", token: admin)
        #expect(
            invited.contains {
                $0["personID"] as? String == World.person(World.third) && $0["sessionID"] as? String == jobs
            })
        #expect(!invited.contains { $0["personID"] as? String == World.person(World.attendee) })
        let name = try get("\(url)/v1/people/\(World.person(World.attendee))", token: admin).body["name"] as? String
        #expect(name == "Peter Otieno")

        let pull = try pulled(url, token: world.tokens[World.attendee]!)
        let hidden = Set([World.event(Self.pss), jobs])
        #expect(
            !pull.contains { hidden.contains($0.rowID) || $0.value == .text(World.event(Self.pss)) },
            "the attendee's pull holds nothing of the private summit")
        let laptop = try Laptop.signedIn(
            "attendee", in: world.folder, daemon: daemon, token: world.tokens[World.attendee]!)
        #expect(try laptop.run("sessions", "list", "--event", Self.pss).status != 0)
    }

    /// Deleted rows, hidden events and hidden declarations answer an outsider exactly as rows that never existed.
    @Test func deletionsHiddenEventsAndHiddenDeclarationsAreNoProbes() throws {
        let world = try World()
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let url = daemon.url
        let webinar = World.session(Self.webinars, "w1")
        let victim = world.tokens[World.victim]!
        let attendee = world.tokens[World.attendee]!
        let answered = try HostileInputTests.request(
            "\(url)/v1/sessions/\(webinar)/rsvp", token: victim, body: Data(#"{"response":"accepted"}"#.utf8))
        #expect(answered.status == 200)
        let id = World.rsvp(webinar, World.victim)
        let removed = try HostileInputTests.request(
            "\(url)/v1/rsvps/\(id)", method: "DELETE", token: world.tokens[World.webOrganizer]!)
        #expect(removed.status == 204)

        func deletedIDs(_ token: String) throws -> [String] {
            try Self.get("\(url)/v1/rsvps?updatedSince=2000-01-01T00:00:00Z", token: token).body["deletedIDs"]
                as? [String] ?? []
        }
        #expect(try deletedIDs(victim).contains(id), "the person whose RSVP it was learns it is gone")
        #expect(try deletedIDs(world.tokens[World.webOrganizer]!).contains(id), "so does the organizer of its event")
        #expect(try !deletedIDs(attendee).contains(id), "an outsider cannot probe who had answered")
        #expect(try Self.pulled(url, token: victim).contains { $0.rowID == id && $0.isDeletion })
        #expect(try !Self.pulled(url, token: attendee).contains { $0.rowID == id })

        func status(_ method: String, _ path: String, _ body: String? = nil) throws -> Int {
            try HostileInputTests.request(
                "\(url)\(path)", method: method, token: attendee, body: body.map { Data($0.utf8) }
            ).status
        }
        for hidden in [Self.pss, "no-such-event"] {
            #expect(try status("GET", "/v1/sessions?event=\(hidden)") == 404, "\(hidden)")
            #expect(
                try status("POST", "/v1/rooms", #"{"eventID":"\#(hidden)","name":"Annex","capacity":5}"#) == 404,
                "\(hidden)")
            #expect(try status("PATCH", "/v1/events/\(hidden)", #"{"title":"Mine"}"#) == 404, "\(hidden)")
        }
        for hidden in [StableID.make("declaration", World.event(Self.pss), "call-to-action"), "no-such-declaration"] {
            #expect(try status("POST", "/v1/signatures", #"{"declarationID":"\#(hidden)"}"#) == 404, "\(hidden)")
        }
        for hidden in [World.session(Self.pss, "jobs"), "no-such-session"] {
            #expect(try status("POST", "/v1/sessions/\(hidden)/rsvp", #"{"response":"accepted"}"#) == 404, "\(hidden)")
        }
        #expect(
            try status("POST", "/v1/rooms", #"{"eventID":"gms-2017","name":"Annex","capacity":5}"#) == 403,
            "visible, not theirs")
    }
}
