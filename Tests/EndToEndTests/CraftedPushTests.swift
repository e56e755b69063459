import Foundation
import GRDB
import Sync
import Testing

@testable import EventsCore

/// Hand-made push batches, as a hostile account would send them, against the daemon's sync server and policy
/// over a real SQLite file: each class of the attacks that once beat the rules is refused on the merged result.
@Suite(.serialized) struct CraftedPushTests {
    /// One hand-made field: table, row, column (`nil`: the row's existence), value, and a counter ordering its stamp.
    typealias Field = (String, String, String?, SyncValue, UInt16)

    /// Two events: the unpublished, invitation-only summit and a published webinar series with its own
    /// organizer; a published summit whose organizer, co-chair and attendees push.
    struct World {
        let store: EventsStore
        let server: SyncServer
        var principals: [String: String] = [:]
        let privateSession: String
        let otherPrivateSession: String
        let webinar: String
        let closedWebinar: String
        let declaration: String

        init() throws {
            let folder = try temporaryFolder()
            store = try EventsStore.open(
                path: folder.appendingPathComponent("eventsd.sqlite").path, migrations: AccountStore.registerMigrations)
            server = SyncServer(replica: store.replica, policy: EventsPolicy())
            let accounts = AccountStore(replica: store.replica)
            try store.addEvent(
                EventDraft(
                    slug: "pss", title: "Private Sector Summit", kind: "summit", timezone: "America/New_York",
                    startsOn: "2016-09-20",
                    endsOn: "2016-09-20", invitationOnly: true, published: false))
            try store.addEvent(
                EventDraft(
                    slug: "web", title: "Webinars", kind: "webinar", timezone: "UTC", startsOn: "2021-03-01",
                    endsOn: "2021-03-31"))
            privateSession = try store.addSession(
                eventSlug: "pss",
                SessionDraft(title: "Plenary", start: "2016-09-20T09:00", end: "2016-09-20T10:00", capacity: 10))
            otherPrivateSession = try store.addSession(
                eventSlug: "pss", SessionDraft(title: "Dinner", start: "2016-09-20T19:00", end: "2016-09-20T21:00"))
            webinar = try store.addSession(
                eventSlug: "web",
                SessionDraft(
                    title: "Labour pathways", start: "2021-03-02T14:00", end: "2021-03-02T15:00", capacity: 500))
            closedWebinar = try store.addSession(
                eventSlug: "web",
                SessionDraft(
                    title: "Closed roundtable", start: "2021-03-03T14:00", end: "2021-03-03T15:00", invitationOnly: true
                ))
            declaration = try store.addDeclaration(eventSlug: "web", title: "Call to Action")
            for email in [
                "attendee@example.org", "invitee@example.org", "weborganizer@example.org", "victim@example.org",
                "third@example.org",
            ] {
                try store.addPerson(name: email.components(separatedBy: "@")[0].capitalized, email: email)
                principals[email] = try accounts.createAccount(email: email, name: email, isAdmin: false).0.id
            }
            try accounts.grant(.organizer, to: "weborganizer@example.org", eventSlug: "web")
            try store.invite(eventSlug: "pss", sessionID: privateSession, person: "invitee@example.org")
            try store.invite(eventSlug: "web", sessionID: closedWebinar, person: "invitee@example.org")
        }

        static func person(_ email: String) -> String { StableID.make("person", email) }
        static func rsvp(_ session: String, _ email: String) -> String { StableID.make("rsvp", session, person(email)) }

        /// Pushes hand-made changes as `email` from a replica of its own; each field is `(table, row, column,
        /// value, counter)`, where the counter orders stamps inside the batch.
        func push(_ email: String, _ fields: [Field], causalLength: Int64 = 1) throws -> PushResponse {
            let replica = ReplicaID()
            let changes = CraftedPushTests.changes(fields, replica: replica, causalLength: causalLength)
            return try server.push(
                PushRequest(
                    schemaVersion: EventsSchema.version, replica: replica, batch: UUID().uuidString,
                    changes: ChangeSet(changes)),
                principal: principals[email]!)
        }

        func rsvpRow(_ id: String) throws -> RSVP? {
            try store.replica.read { db in
                try RSVP.fetchOne(db, sql: "SELECT * FROM rsvps WHERE id = ?", arguments: [id])
            }
        }

        func invited(_ email: String, to session: String, event: String) throws -> Bool {
            try store.replica.read { db in
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM invitations WHERE id = ?)",
                    arguments: [StableID.make("invitation", StableID.make("event", event), session, Self.person(email))]
                ) ?? false
            }
        }

        func rsvpFields(
            _ session: String, _ email: String, person: String? = nil, response: String = "accepted",
            counter: UInt16 = 0
        )
            -> [Field]
        {
            let id = Self.rsvp(session, email)
            return [
                ("rsvps", id, nil, .null, counter), ("rsvps", id, "session_id", .text(session), counter),
                ("rsvps", id, "person_id", .text(Self.person(person ?? email)), counter),
                ("rsvps", id, "response", .text(response), counter),
            ]
        }
    }

    /// The hand-made fields as changes stamped by `replica`, `ahead` milliseconds past its wall clock; each
    /// field's counter orders its stamp inside the batch.
    static func changes(_ fields: [Field], replica: ReplicaID, causalLength: Int64, ahead: Int64 = 0) -> [Change] {
        let now = Replica.wallClock() + ahead
        return fields.map { table, row, column, value, counter in
            Change(
                table: table, rowID: row, column: column, value: value,
                stamp: Stamp(
                    causalLength: causalLength, time: HybridTimestamp(milliseconds: now, counter: Int64(counter)),
                    replica: replica))
        }
    }

    @Test func aBorrowedEventDoesNotJudgeTheRowsBesideIt() throws {
        let world = try World()
        let borrow: [Field] = [("sessions", world.privateSession, "event_id", .text(StableID.make("event", "web")), 5)]
        let answer = try world.push(
            "attendee@example.org", borrow + world.rsvpFields(world.privateSession, "attendee@example.org"))
        #expect(answer.notes.filter { $0.kind == .rejected }.count == 5)
        #expect(try world.rsvpRow(World.rsvp(world.privateSession, "attendee@example.org")) == nil)
        #expect(try world.store.session(id: world.privateSession).eventID == StableID.make("event", "pss"))
    }

    @Test func theMergedValueIsJudgedWhateverOrderTheStampsAreListedIn() throws {
        let world = try World()
        let id = World.rsvp(world.webinar, "attendee@example.org")
        let fields =
            world.rsvpFields(world.webinar, "attendee@example.org", counter: 1) + [
                ("rsvps", id, "person_id", .text(World.person("victim@example.org")), 9)
            ]
        let reordered = [fields[4], fields[0], fields[1], fields[3], fields[2]]
        let answer = try world.push("attendee@example.org", reordered)
        #expect(answer.notes.filter { $0.kind == .rejected }.count == 4, "\(answer.notes)")
        #expect(try world.rsvpRow(id) == nil)
        // The refused row was put back as absent, a newer incarnation than the push's: a laptop answers anew.
        #expect(
            try world.push(
                "attendee@example.org", world.rsvpFields(world.webinar, "attendee@example.org"), causalLength: 3
            ).notes.isEmpty)
        #expect(try world.rsvpRow(id)?.decision == .confirmed)
    }

    @Test func anOrganizerOfAnotherEventCannotChairOrRetitleASession() throws {
        let world = try World()
        let role = StableID.make("role", world.privateSession, World.person("weborganizer@example.org"), "co-chair")
        let answer = try world.push(
            "weborganizer@example.org",
            [
                ("session_roles", role, nil, .null, 0),
                ("session_roles", role, "session_id", .text(world.privateSession), 0),
                ("session_roles", role, "person_id", .text(World.person("weborganizer@example.org")), 0),
                ("session_roles", role, "role", .text("co-chair"), 0),
                ("sessions", world.privateSession, "title", .text("Taken over"), 1),
            ])
        #expect(answer.notes.filter { $0.kind == .rejected }.count == 5)
        #expect(try world.store.session(id: world.privateSession).title == "Plenary")
        #expect(
            try world.store.replica.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM session_roles") } == 0)
    }

    @Test func organizersRemoveButNeverForgeAnAttendeesRows() throws {
        let world = try World()
        let forged = try world.push("weborganizer@example.org", world.rsvpFields(world.webinar, "victim@example.org"))
        #expect(forged.notes.filter { $0.kind == .rejected }.count == 4)
        let signature = StableID.make("signature", world.declaration, World.person("victim@example.org"))
        let signed = try world.push(
            "weborganizer@example.org",
            [
                ("signatures", signature, nil, .null, 0),
                ("signatures", signature, "declaration_id", .text(world.declaration), 0),
                ("signatures", signature, "person_id", .text(World.person("victim@example.org")), 0),
            ])
        #expect(signed.notes.filter { $0.kind == .rejected }.count == 3)
        #expect(
            try world.push("victim@example.org", world.rsvpFields(world.webinar, "victim@example.org"), causalLength: 3)
                .notes.isEmpty)
        let twin = StableID.make("rsvp", world.webinar, "twin")
        let second = try world.push(
            "victim@example.org",
            [
                ("rsvps", twin, nil, .null, 0), ("rsvps", twin, "session_id", .text(world.webinar), 0),
                ("rsvps", twin, "person_id", .text(World.person("victim@example.org")), 0),
            ])
        #expect(second.notes.filter { $0.kind == .rejected }.count == 3, "one RSVP per person and session")
        let removal = try world.push(
            "weborganizer@example.org", [("rsvps", World.rsvp(world.webinar, "victim@example.org"), nil, .null, 0)],
            causalLength: 4)
        #expect(removal.notes.isEmpty)
        #expect(try world.rsvpRow(World.rsvp(world.webinar, "victim@example.org")) == nil)
    }

    @Test func onlyTheInvitedDelegateAndOneInvitationNeverYieldsTwoSeats() throws {
        let world = try World()
        let session = world.closedWebinar
        let selfDelegation =
            world.rsvpFields(session, "attendee@example.org", response: "delegated")
            + [
                (
                    "rsvps", World.rsvp(session, "attendee@example.org"), "substitute_id",
                    .text(World.person("attendee@example.org")), 0
                )
            ]
        #expect(try world.push("attendee@example.org", selfDelegation).notes.filter { $0.kind == .rejected }.count == 5)
        let uninvited =
            world.rsvpFields(session, "attendee@example.org", response: "delegated")
            + [
                (
                    "rsvps", World.rsvp(session, "attendee@example.org"), "substitute_id",
                    .text(World.person("third@example.org")), 0
                )
            ]
        #expect(
            try world.push("attendee@example.org", uninvited, causalLength: 3).notes.filter { $0.kind == .rejected }
                .count == 5)
        #expect(try !world.invited("third@example.org", to: session, event: "web"))

        let delegation =
            world.rsvpFields(session, "invitee@example.org", response: "delegated")
            + [
                (
                    "rsvps", World.rsvp(session, "invitee@example.org"), "substitute_id",
                    .text(World.person("third@example.org")), 0
                )
            ]
        #expect(try world.push("invitee@example.org", delegation).notes.isEmpty)
        #expect(try world.invited("third@example.org", to: session, event: "web"))
        #expect(
            try !world.invited("invitee@example.org", to: session, event: "web"), "the delegator's place is handed over"
        )
        let id = World.rsvp(session, "invitee@example.org")
        let again = try world.push("invitee@example.org", [("rsvps", id, "response", .text("accepted"), 1)])
        #expect(again.notes.map(\.kind) == [.rejected])
        let elsewhere = try world.push(
            "invitee@example.org", [("rsvps", id, "substitute_id", .text(World.person("victim@example.org")), 1)])
        #expect(elsewhere.notes.map(\.kind) == [.rejected])
        #expect(try world.rsvpRow(id)?.substituteID == World.person("third@example.org"))
    }

    @Test func aSessionScopedInvitationShowsThatSessionOnly() throws {
        let world = try World()
        let page = try world.server.pull(after: 0, limit: 10_000, principal: world.principals["invitee@example.org"]!)
        let sessions = Set(try page.changes.changes().filter { $0.table == "sessions" }.map(\.rowID))
        #expect(sessions.contains(world.privateSession))
        #expect(!sessions.contains(world.otherPrivateSession))
        #expect(
            try page.changes.changes().contains { $0.table == "events" && $0.rowID == StableID.make("event", "pss") })
        let attendee = try world.server.pull(
            after: 0, limit: 10_000, principal: world.principals["attendee@example.org"]!)
        #expect(
            try !attendee.changes.changes().contains {
                $0.rowID == StableID.make("event", "pss") || $0.rowID == world.privateSession
            })
        let intrusion = StableID.make(
            "invitation", StableID.make("event", "pss"), "", World.person("attendee@example.org"))
        let invited = try world.push(
            "attendee@example.org",
            [
                ("invitations", intrusion, nil, .null, 0),
                ("invitations", intrusion, "event_id", .text(StableID.make("event", "pss")), 0),
                ("invitations", intrusion, "person_id", .text(World.person("attendee@example.org")), 0),
            ] + world.rsvpFields(world.privateSession, "attendee@example.org"))
        #expect(invited.notes.filter { $0.kind == .rejected }.count == 7)
        #expect(try !world.invited("attendee@example.org", to: "", event: "pss"))
    }

    @Test func unicodeCaseTwinsAreOneAccountAndOnePerson() throws {
        let world = try World()
        let accounts = AccountStore(replica: world.store.replica)
        _ = try accounts.createAccount(email: "élodie@example.org", name: "Élodie", isAdmin: false)
        #expect(throws: AccountsError.self) {
            try accounts.createAccount(email: "ÉLODIE@example.org", name: "Twin", isAdmin: false)
        }
        #expect(throws: AccountsError.self) {
            try accounts.createAccount(email: "E\u{301}LODIE@EXAMPLE.ORG", name: "Twin", isAdmin: false)
        }
        let person = try world.store.addPerson(name: "Élodie", email: "E\u{301}lodie@Example.org")
        #expect(person == StableID.make("person", "élodie@example.org"))
        #expect(try world.store.person(id: "ÉLODIE@example.org").id == person)
    }

    @Test func thePersonalFeedShowsWhatItsOwnerMaySeeNowWithTheirActualDecision() throws {
        let world = try World()
        let tiny = try world.store.addSession(
            eventSlug: "web",
            SessionDraft(title: "Small room", start: "2021-03-04T14:00", end: "2021-03-04T15:00", capacity: 1))
        for (email, session) in [
            ("invitee@example.org", world.privateSession), ("victim@example.org", tiny), ("invitee@example.org", tiny),
        ] {
            try world.store.acting(as: world.principals[email]!).respond(
                sessionID: session, person: email, response: "accepted")
        }
        func feed() throws -> String {
            try world.store.personalCalendar(
                person: "invitee@example.org", reader: world.principals["invitee@example.org"]!)
        }
        let before = try feed()
        #expect(before.contains("SUMMARY:Plenary"))
        let waiting = try #require(
            before.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("SUMMARY:Small room") })
        #expect(
            waiting.contains("PARTSTAT=TENTATIVE") && waiting.contains("STATUS:TENTATIVE"),
            "waitlisted is not accepted: \(waiting)")
        try world.store.deleteInvitation(
            id: StableID.make(
                "invitation", StableID.make("event", "pss"), world.privateSession, World.person("invitee@example.org")))
        #expect(try !feed().contains("SUMMARY:Plenary"), "a revoked invitation takes the session out of the feed")
    }

    /// Whether `body` was refused for lack of rights (403), not for what exists (409, 404).
    static func isForbidden(_ body: () throws -> Void) -> Bool {
        do {
            try body()
            return false
        } catch SyncError.forbidden {
            return true
        } catch {
            return false
        }
    }

    @Test func pagesNeverNameAHiddenRowAndRefusalComesBeforeAlreadyExists() throws {
        let world = try World()
        let attendee = world.principals["attendee@example.org"]!
        var cursors: [String] = []
        var listed: [String] = []
        var query = ResourceQuery(limit: 1)
        repeat {
            let page = try world.store.list(SessionResource.self, query, reader: attendee)
            listed += page.items.map(\.model.id)
            if let next = page.nextCursor { cursors.append(next) }
            query.after = page.nextCursor
        } while query.after != nil
        #expect(Set(listed) == [world.webinar, world.closedWebinar])
        #expect(cursors.allSatisfy(listed.contains), "cursors \(cursors) name only rows the reader sees")

        let intruder = world.store.acting(as: attendee).creatingOnly()
        for person in ["invitee@example.org", "third@example.org"] {
            #expect(
                Self.isForbidden {
                    try intruder.invite(eventSlug: "web", sessionID: world.closedWebinar, person: person)
                }, "\(person)")
        }
        #expect(
            Self.isForbidden {
                try intruder.addSession(
                    eventSlug: "web", SessionDraft(title: "Copy", start: "2021-03-02T14:00", end: "2021-03-02T15:00"),
                    id: world.webinar)
            })
        let organizer = world.store.acting(as: world.principals["weborganizer@example.org"]!).creatingOnly()
        let existing = StableID.make(
            "invitation", StableID.make("event", "web"), world.closedWebinar, World.person("invitee@example.org"))
        #expect(throws: EventsError.duplicate(kind: "invitation", key: existing), "the organizer learns it exists") {
            try organizer.invite(eventSlug: "web", sessionID: world.closedWebinar, person: "invitee@example.org")
        }
    }

    @Test func answersRevealNeitherHiddenSessionsNorRegisteredEmails() throws {
        let attendee = try World()
        let store = attendee.store.acting(as: attendee.principals["attendee@example.org"]!)
        for session in [attendee.privateSession, "no-such-session"] {
            #expect(throws: EventsError.sessionNotFound(session)) {
                try store.respond(sessionID: session, person: "attendee@example.org", response: "accepted")
            }
        }
        for person in ["victim@example.org", "nobody@example.org"] {
            #expect(
                Self.isForbidden {
                    try store.respond(sessionID: attendee.webinar, person: person, response: "accepted")
                }, "\(person)")
        }
    }
}
