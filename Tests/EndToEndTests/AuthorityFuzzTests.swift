import Foundation
import GRDB
import Sync
import TestHelpers
import Testing

@testable import EventsCore

/// An adversarial, seeded property test of the daemon's authority: non-admin accounts push hostile batches to the
/// sync server (in process, over a real SQLite file) and after every batch the database and the account's pull are
/// checked against the README's rights table (`AuthorityFuzzInvariants`). `AUTHORITY_FUZZ_SEED` replays a run,
/// `AUTHORITY_FUZZ_BATCHES` lengthens it.
@Suite(.serialized) struct AuthorityFuzzTests {
    enum Kind: String, CaseIterable {
        case legit, borrowedLink, sameField, wrongType, huge, hostile, missingRow, causalLength, replay, reusedBatchID
        case foreignRSVP, selfDelegation, uninvitedDelegation, forgedDecision, forgedReplica
    }

    static func person(_ email: String) -> String { StableID.make("person", email) }
    static func event(_ slug: String) -> String { StableID.make("event", slug) }

    /// The daemon's clock, advanced by the test, so that a seed replays the same run.
    final class FuzzClock: @unchecked Sendable {
        private let lock = NSLock()
        private var milliseconds: Int64 = 1_800_000_000_000

        func now() -> Int64 { lock.withLock { milliseconds } }
        func advance(by step: Int64) { lock.withLock { milliseconds += step } }
    }

    struct World {
        let clock = FuzzClock()
        let store: EventsStore
        let server: SyncServer
        var actors: [FuzzActor] = []
        let victims: [String]
        let pssPlenary: String, pssDinner: String, gmsChaired: String, gmsClosed: String, gmsSmall: String,
            gmsSalon: String
        let webTalk: String, webClosed: String
        let gmsCall: String, webPledge: String

        init(folder: URL, seed: UInt64 = 0) throws {
            let clock = clock
            store = try EventsStore.open(
                path: folder.appendingPathComponent("eventsd.sqlite").path, migrations: AccountStore.registerMigrations,
                now: { clock.now() })
            server = SyncServer(replica: store.replica, policy: EventsPolicy())
            let accounts = AccountStore(replica: store.replica)
            try store.addEvent(
                EventDraft(
                    slug: "pss", title: "Private Sector Summit", kind: "summit", timezone: "America/New_York",
                    city: "New York",
                    startsOn: "2016-09-20", endsOn: "2016-09-20", invitationOnly: true, published: false))
            try store.addEvent(
                EventDraft(
                    slug: "gms", title: "Global Mayors Summit", kind: "summit", timezone: "UTC", startsOn: "2017-09-18",
                    endsOn: "2017-09-19"))
            try store.addEvent(
                EventDraft(
                    slug: "web", title: "Policy webinars", kind: "webinar", timezone: "UTC", startsOn: "2021-03-01",
                    endsOn: "2021-03-31"))
            try store.addRoom(eventSlug: "gms", name: "Salon", capacity: 2)
            pssPlenary = try store.addSession(
                eventSlug: "pss",
                SessionDraft(
                    title: "Leaders' plenary", start: "2016-09-20T09:00", end: "2016-09-20T10:00", capacity: 2),
                id: "s-pss-plenary")
            pssDinner = try store.addSession(
                eventSlug: "pss", SessionDraft(title: "Dinner", start: "2016-09-20T19:00", end: "2016-09-20T21:00"),
                id: "s-pss-dinner")
            gmsChaired = try store.addSession(
                eventSlug: "gms",
                SessionDraft(
                    title: "Cities and migration", start: "2017-09-18T09:00", end: "2017-09-18T10:00", capacity: 50),
                id: "s-gms-chaired")
            gmsClosed = try store.addSession(
                eventSlug: "gms",
                SessionDraft(
                    title: "Mayors' breakfast", start: "2017-09-18T07:00", end: "2017-09-18T08:00", invitationOnly: true
                ), id: "s-gms-closed")
            gmsSmall = try store.addSession(
                eventSlug: "gms",
                SessionDraft(
                    title: "Roundtable: housing", start: "2017-09-18T11:00", end: "2017-09-18T12:00", capacity: 2),
                id: "s-gms-small")
            gmsSalon = try store.addSession(
                eventSlug: "gms",
                SessionDraft(title: "Salon talk", start: "2017-09-18T13:00", end: "2017-09-18T14:00", room: "Salon"),
                id: "s-gms-salon")
            webTalk = try store.addSession(
                eventSlug: "web",
                SessionDraft(
                    title: "Labour pathways", start: "2021-03-02T14:00", end: "2021-03-02T15:00", capacity: 500),
                id: "s-web-talk")
            webClosed = try store.addSession(
                eventSlug: "web",
                SessionDraft(
                    title: "Closed roundtable", start: "2021-03-03T14:00", end: "2021-03-03T15:00", invitationOnly: true
                ), id: "s-web-closed")
            gmsCall = try store.addDeclaration(eventSlug: "gms", title: "Call to Action")
            webPledge = try store.addDeclaration(eventSlug: "web", title: "Webinar pledge")
            let pushers = [
                "attendee@example.org", "invitee@example.org", "chair@example.org", "weborganizer@example.org",
            ]
            let victimEmails = ["victim1@example.org", "victim2@example.org", "victim3@example.org"]
            for email in pushers + victimEmails {
                try store.addPerson(name: email.components(separatedBy: "@")[0].capitalized, email: email)
            }
            victims = victimEmails.map { AuthorityFuzzTests.person($0) }
            try accounts.createAccount(email: "admin@example.org", name: "Admin", isAdmin: true)
            var ids: [String: String] = [:]
            for email in pushers {
                ids[email] = try accounts.createAccount(email: email, name: email, isAdmin: false).0.id
            }
            try accounts.grant(.organizer, to: "weborganizer@example.org", eventSlug: "web")
            try store.addRole(sessionID: gmsChaired, person: "chair@example.org", role: "co-chair")
            try store.addRole(sessionID: gmsChaired, person: "victim2@example.org", role: "speaker")
            try store.invite(eventSlug: "pss", sessionID: pssPlenary, person: "invitee@example.org")
            try store.invite(eventSlug: "pss", person: "victim1@example.org")
            try store.invite(eventSlug: "gms", sessionID: gmsClosed, person: "victim1@example.org")
            try store.respond(sessionID: pssPlenary, person: "victim1@example.org", response: "accepted")
            try store.respond(sessionID: gmsSmall, person: "victim1@example.org", response: "accepted")
            try store.respond(sessionID: gmsChaired, person: "victim2@example.org", response: "accepted")
            try store.sign(declaration: gmsCall, person: "victim1@example.org", reservation: "On behalf of the city")
            let organizes = try store.replica.read { db in
                try Row.fetchAll(db, sql: "SELECT account_id, event_id FROM event_roles WHERE role = 'organizer'")
                    .reduce(into: [String: Set<String>]()) { $0[$1["account_id"], default: []].insert($1["event_id"]) }
            }
            var replicas = SeededGenerator(seed: seed ^ 0x5EED)
            for email in pushers {
                let id = ids[email]!
                let replica = ReplicaID(bytes: Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &replicas) }))!
                actors.append(
                    FuzzActor(
                        label: email.components(separatedBy: "@")[0], email: email, accountID: id,
                        personID: AuthorityFuzzTests.person(email),
                        replica: replica, organizes: organizes[id] ?? []))
            }
        }
    }

    /// The changes of one batch, stamped by the pushing replica around the daemon's present.
    struct Batch {
        let replica: ReplicaID
        let now: Int64
        var changes: [Change] = []

        mutating func set(
            _ table: String, _ id: String, _ column: String?, _ value: SyncValue, cl: Int64, counter: Int64? = nil,
            ahead: Int64 = 0
        ) {
            let time = HybridTimestamp(milliseconds: now + ahead, counter: counter ?? Int64(changes.count))
            changes.append(
                Change(
                    table: table, rowID: id, column: column, value: value,
                    stamp: Stamp(causalLength: max(cl, 1), time: time, replica: replica)))
        }

        /// The row's existence (live: current incarnation, or a new one) and its fields.
        mutating func upsert(_ table: String, _ id: String, _ values: [String: SyncValue], in snapshot: FuzzSnapshot) {
            let current = snapshot.length(table, id)
            let cl = current % 2 == 1 ? current : current + 1
            set(table, id, nil, .null, cl: cl)
            for (column, value) in values.sorted(by: { $0.key < $1.key }) { set(table, id, column, value, cl: cl) }
        }

        mutating func field(
            _ table: String, _ id: String, _ column: String, _ value: SyncValue, in snapshot: FuzzSnapshot,
            counter: Int64? = nil
        ) {
            set(table, id, column, value, cl: snapshot.length(table, id), counter: counter)
        }
    }

    struct Generator {
        var rng: SeededGenerator
        let world: World

        mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
        mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }

        static let huge = String(repeating: "A", count: 60_000) + String(repeating: "é", count: 20_000)
        static let hostile = [
            "\u{1B}[2J\u{1B}[31mowned\u{1B}[0m", "nul\u{0}byte", "bell\u{7}\u{7}\u{7}", "\u{202E}gnp.exe",
            "line\r\nInjected: header",
            "c1\u{85}\u{9B}31m", "   padded   ", "\u{FEFF}bom", "tab\there", "\u{1B}]0;title\u{7}", "\u{7F}del",
            "x\u{2028}y",
        ]

        mutating func sessions(_ s: FuzzSnapshot) -> [String] { s.ids("sessions") }
        mutating func anyPerson(_ s: FuzzSnapshot) -> String { pick(s.ids("people")) }
        mutating func victim() -> String { pick(world.victims) }
        mutating func otherPerson(_ actor: FuzzActor) -> String {
            pick(world.victims + world.actors.map(\.personID).filter { $0 != actor.personID })
        }

        func rsvpValues(_ session: String, _ person: String, _ response: String, substitute: String? = nil) -> [String:
            SyncValue]
        {
            [
                "session_id": .text(session), "person_id": .text(person), "response": .text(response),
                "substitute_id": substitute.map(SyncValue.text) ?? .null, "responded_at": .text("2026-01-01T00:00:00Z"),
            ]
        }

        mutating func ownRSVP(
            _ batch: inout Batch, _ actor: FuzzActor, _ s: FuzzSnapshot, session: String? = nil, response: String? = nil
        ) {
            let session = session ?? pick(sessions(s))
            let response = response ?? pick(["accepted", "accepted", "declined", "tentative"])
            batch.upsert(
                "rsvps", StableID.make("rsvp", session, actor.personID), rsvpValues(session, actor.personID, response),
                in: s)
        }

        /// A random live row of any table, with one of its columns.
        mutating func anyCell(_ s: FuzzSnapshot) -> (String, String, ReplicatedColumn)? {
            let tables = EventsSchema.replicated.tables.filter { !(s.rows[$0.name] ?? [:]).isEmpty }
            guard !tables.isEmpty else { return nil }
            let table = pick(tables)
            return (table.name, pick(s.ids(table.name)), pick(table.columns))
        }

        mutating func legit(_ batch: inout Batch, _ actor: FuzzActor, _ s: FuzzSnapshot) {
            switch int(0...5) {
            case 0: ownRSVP(&batch, actor, s)
            case 1:
                ownRSVP(
                    &batch, actor, s, session: pick([world.gmsSmall, world.gmsSalon, world.pssPlenary]),
                    response: pick(["accepted", "accepted", "declined"]))
            case 2:
                let declaration = pick(s.ids("declarations"))
                batch.upsert(
                    "signatures", StableID.make("signature", declaration, actor.personID),
                    [
                        "declaration_id": .text(declaration), "person_id": .text(actor.personID),
                        "reservation": chance(0.5) ? .text("With a reservation") : .null,
                        "signed_at": .text("2026-01-01T00:00:00Z"),
                    ],
                    in: s)
            case 3:
                batch.field(
                    "people", actor.personID, "name", .text("\(actor.label.capitalized) \(int(1...999))"), in: s)
            default:
                switch actor.label {
                case "chair":
                    batch.field(
                        "sessions", world.gmsChaired, pick(["title", "description", "join_url", "recording_url"]),
                        pick([.text("Cities \(int(1...99))"), .text("https://example.org/\(int(1...99))")]), in: s)
                case "weborganizer":
                    let choice = int(0...4)
                    if choice == 0 {
                        let id = "fuzz-web-\(int(1...1_000_000))"
                        batch.upsert(
                            "sessions", id,
                            [
                                "event_id": .text(AuthorityFuzzTests.event("web")), "title": .text("Webinar \(id)"),
                                "format": .text("webinar"), "status": .text("scheduled"),
                                "starts_at": .text("2021-03-1\(int(0...9))T10:00:00Z"),
                                "ends_at": .text("2021-03-1\(int(0...9))T23:00:00Z"),
                                "capacity": .integer(Int64(int(1...3))), "sequence": .integer(0),
                            ],
                            in: s)
                    } else if choice == 1 {
                        let person = victim()
                        let session = pick([world.webTalk, world.webClosed])
                        batch.upsert(
                            "invitations",
                            StableID.make("invitation", AuthorityFuzzTests.event("web"), session, person),
                            [
                                "event_id": .text(AuthorityFuzzTests.event("web")), "session_id": .text(session),
                                "person_id": .text(person), "invited_by": .text("organizer"),
                            ], in: s)
                    } else if choice == 2 {
                        batch.field("declarations", world.webPledge, "text", .text("Pledge \(int(1...999))"), in: s)
                    } else {
                        batch.field("sessions", world.webTalk, "title", .text("Labour pathways \(int(1...99))"), in: s)
                    }
                case "invitee":
                    if chance(0.5) {
                        ownRSVP(&batch, actor, s, session: world.pssPlenary, response: "accepted")
                    } else {
                        let id = StableID.make("rsvp", world.pssPlenary, actor.personID)
                        batch.upsert(
                            "rsvps", id,
                            rsvpValues(world.pssPlenary, actor.personID, "delegated", substitute: victim()), in: s)
                    }
                default: ownRSVP(&batch, actor, s, session: world.gmsSmall, response: "accepted")
                }
            }
        }

        mutating func borrowedLink(_ batch: inout Batch, _ actor: FuzzActor, _ s: FuzzSnapshot) {
            let mine =
                actor.organizes.first ?? pick([AuthorityFuzzTests.event("web"), AuthorityFuzzTests.event("gms")])
            let own = sessions(s).filter { s.text("sessions", $0, "event_id") == mine }
            if !actor.organizes.isEmpty, !own.isEmpty, chance(0.3) {
                // The other way round: plant one's own session (or a new one) in another event, with rows beside it.
                let elsewhere = pick([AuthorityFuzzTests.event("pss"), AuthorityFuzzTests.event("gms")])
                let session = chance(0.5) ? pick(own) : "fuzz-planted-\(int(1...1_000_000))"
                if s.row("sessions", session) == nil {
                    batch.upsert(
                        "sessions", session,
                        [
                            "event_id": .text(elsewhere), "title": .text("Planted"), "format": .text("webinar"),
                            "status": .text("scheduled"),
                            "starts_at": .text("2016-09-20T10:00:00Z"), "ends_at": .text("2016-09-20T11:00:00Z"),
                            "capacity": .integer(1), "sequence": .integer(0),
                        ],
                        in: s)
                } else {
                    batch.field("sessions", session, "event_id", .text(elsewhere), in: s, counter: Int64(int(0...20)))
                }
                let invitation = StableID.make("invitation", elsewhere, session, actor.personID)
                batch.upsert(
                    "invitations", invitation,
                    [
                        "event_id": .text(elsewhere), "session_id": .text(session), "person_id": .text(actor.personID),
                        "invited_by": .text("planted"),
                    ], in: s)
                let role = StableID.make("role", session, actor.personID, "co-chair")
                batch.upsert(
                    "session_roles", role,
                    [
                        "session_id": .text(session), "person_id": .text(actor.personID), "role": .text("co-chair"),
                        "position": .integer(1),
                    ], in: s)
                return
            }
            let targets = sessions(s).filter { s.text("sessions", $0, "event_id") != mine }
            guard !targets.isEmpty else { return legit(&batch, actor, s) }
            let session = pick(targets)
            let home = s.text("sessions", session, "event_id") ?? ""
            batch.field("sessions", session, "event_id", .text(mine), in: s, counter: Int64(int(0...20)))
            if chance(0.3) { batch.field("sessions", session, "title", .text("Borrowed"), in: s) }
            var added = 0
            while added < 2 {
                switch int(0...4) {
                case 0: ownRSVP(&batch, actor, s, session: session, response: "accepted")
                case 1:
                    let person = victim()
                    batch.upsert(
                        "rsvps", StableID.make("rsvp", session, person), rsvpValues(session, person, "declined"), in: s)
                case 2:
                    let id = StableID.make("role", session, actor.personID, "co-chair")
                    batch.upsert(
                        "session_roles", id,
                        [
                            "session_id": .text(session), "person_id": .text(actor.personID), "role": .text("co-chair"),
                            "position": .integer(1),
                        ], in: s)
                case 3:
                    let event = pick([home, mine])
                    batch.upsert(
                        "invitations", StableID.make("invitation", event, session, actor.personID),
                        [
                            "event_id": .text(event), "session_id": .text(session), "person_id": .text(actor.personID),
                            "invited_by": .text("borrowed"),
                        ], in: s)
                default:
                    let declarations = s.ids("declarations").filter { s.text("declarations", $0, "event_id") != mine }
                    guard !declarations.isEmpty else { continue }
                    let declaration = pick(declarations)
                    batch.field("declarations", declaration, "event_id", .text(mine), in: s)
                    let signer = chance(0.5) ? actor.personID : victim()
                    batch.upsert(
                        "signatures", StableID.make("signature", declaration, signer),
                        [
                            "declaration_id": .text(declaration), "person_id": .text(signer),
                            "signed_at": .text("2026-01-01T00:00:00Z"),
                        ], in: s)
                }
                added += 1
            }
        }

        mutating func sameField(_ batch: inout Batch, _ actor: FuzzActor, _ s: FuzzSnapshot) {
            var values: [SyncValue]
            let table: String
            let id: String
            let column: String
            switch int(0...4) {
            case 0:
                let session = pick(sessions(s))
                id = StableID.make("rsvp", session, actor.personID)
                table = "rsvps"
                ownRSVP(&batch, actor, s, session: session, response: "accepted")
                column = pick(["response", "person_id", "session_id", "substitute_id"])
                values =
                    column == "response"
                    ? [.text("accepted"), .text("declined"), .text("delegated"), .text("tentative")]
                    : [.text(actor.personID), .text(otherPerson(actor)), .text(pick(sessions(s))), .null]
            case 1:
                table = "sessions"
                id = pick([world.gmsChaired, world.webTalk, pick(sessions(s))])
                column = pick(["title", "starts_at", "capacity", "event_id"])
                values = [
                    .text("Title A"), .text("Title B"), .text(Self.hostile[0]), .text("2017-09-18T09:30:00Z"),
                    .integer(1), .text(AuthorityFuzzTests.event("web")),
                ]
            case 2:
                table = "people"
                id = chance(0.7) ? actor.personID : otherPerson(actor)
                column = pick(["name", "email", "country"])
                values = [.text("Me"), .text("Someone else"), .text("owner@example.org"), .text(actor.email), .null]
            case 3:
                let existing = s.ids("rsvps")
                guard !existing.isEmpty else { return legit(&batch, actor, s) }
                table = "rsvps"
                id = pick(existing)
                column = pick(["decision", "response", "decision_reason"])
                values = [.text("confirmed"), .text("waitlisted"), .text("accepted"), .text("declined"), .null]
            default:
                table = "signatures"
                let declaration = pick(s.ids("declarations"))
                id = StableID.make("signature", declaration, actor.personID)
                batch.upsert(
                    "signatures", id,
                    [
                        "declaration_id": .text(declaration), "person_id": .text(actor.personID),
                        "signed_at": .text("2026-01-01T00:00:00Z"),
                    ], in: s)
                column = pick(["reservation", "person_id", "declaration_id"])
                values = [.text("Reserved"), .text(otherPerson(actor)), .text(pick(s.ids("declarations"))), .null]
            }
            let count = int(3...6)
            var counters = Array(100..<(100 + count)).map(Int64.init)
            counters.shuffle(using: &rng)
            var changes: [Change] = []
            var scratch = Batch(replica: batch.replica, now: batch.now)
            for index in 0..<count {
                scratch.field(table, id, column, pick(values), in: s, counter: counters[index])
            }
            changes = scratch.changes
            changes.shuffle(using: &rng)
            batch.changes += changes
            if chance(0.3) { batch.changes.shuffle(using: &rng) }
        }

        mutating func wrongType(_ batch: inout Batch, _ actor: FuzzActor, _ s: FuzzSnapshot) {
            if chance(0.4) { ownRSVP(&batch, actor, s) }
            for _ in 0..<int(1...3) {
                guard let (table, id, column) = anyCell(s) else { return }
                let target = chance(0.4) ? (table == "people" ? actor.personID : id) : id
                let value: SyncValue
                switch column.affinity {
                case .integer:
                    value = pick([
                        .text("many"), .real(2.5), .blob(Data([1, 2, 3])), .text("1"), .integer(-7),
                        .integer(Int64.max),
                    ])
                default:
                    value = pick([
                        .blob(Data((0..<int(1...64)).map { _ in UInt8.random(in: 0...255, using: &rng) })),
                        .integer(42), .real(-0.0), .real(1e300), .real(1.5),
                        .text("2017-13-45"), .text("not a url"), .text("Mars/Olympus_Mons"), .text("not-an-email"),
                        .text("yesterday"),
                    ])
                }
                batch.field(table, target, column.name, value, in: s)
            }
        }

        mutating func hugeOrHostile(_ batch: inout Batch, _ actor: FuzzActor, _ s: FuzzSnapshot, huge: Bool) {
            func value() -> SyncValue { .text(huge ? Self.huge : Self.hostile.randomElement() ?? "") }
            var v: SyncValue { huge ? .text(Self.huge) : .text(Self.hostile[Int.random(in: 0..<Self.hostile.count)]) }
            switch int(0...6) {
            case 0:
                batch.field(
                    "people", actor.personID, pick(["name", "country", "email"]),
                    huge ? .text(Self.huge) : .text(pick(Self.hostile)), in: s)
            case 1:
                let session = pick(sessions(s))
                batch.upsert(
                    "rsvps", StableID.make("rsvp", session, actor.personID),
                    rsvpValues(session, actor.personID, huge ? Self.huge : "accepted" + pick(Self.hostile)), in: s)
            case 2:
                let declaration = pick(s.ids("declarations"))
                batch.upsert(
                    "signatures", StableID.make("signature", declaration, actor.personID),
                    [
                        "declaration_id": .text(declaration), "person_id": .text(actor.personID),
                        "reservation": huge ? .text(Self.huge) : .text(pick(Self.hostile)),
                        "signed_at": .text("2026-01-01T00:00:00Z"),
                    ],
                    in: s)
            case 3:
                batch.field(
                    "sessions", pick([world.gmsChaired, world.webTalk, pick(sessions(s))]),
                    pick(["title", "description", "join_url", "room"]),
                    huge ? .text(Self.huge) : .text(pick(Self.hostile)), in: s)
            case 4:
                batch.field(
                    "declarations", pick(s.ids("declarations")), pick(["text", "title"]),
                    huge ? .text(Self.huge) : .text(pick(Self.hostile)), in: s)
            case 5:
                // A hostile or huge row id.
                let id = huge ? String(repeating: "r", count: 100_000) : "rsvp" + pick(Self.hostile)
                batch.upsert("rsvps", id, rsvpValues(world.gmsSmall, actor.personID, "accepted"), in: s)
            default:
                guard let (table, id, column) = anyCell(s) else { return }
                batch.field(table, id, column.name, huge ? .text(Self.huge) : .text(pick(Self.hostile)), in: s)
            }
        }

        mutating func missingRow(_ batch: inout Batch, _ actor: FuzzActor, _ s: FuzzSnapshot) {
            let ghost = "ghost-\(int(1...1_000_000))"
            switch int(0...5) {
            case 0:
                let table = pick(EventsSchema.replicated.tables)
                batch.set(table.name, ghost, pick(table.columns).name, .text("x"), cl: 1)
            case 1:
                batch.upsert(
                    "rsvps", StableID.make("rsvp", ghost, actor.personID),
                    rsvpValues(ghost, actor.personID, "accepted"), in: s)
            case 2:
                batch.upsert(
                    "signatures", StableID.make("signature", ghost, actor.personID),
                    ["declaration_id": .text(ghost), "person_id": .text(actor.personID)], in: s)
            case 3:
                batch.set(
                    pick(["accounts", "event_roles", "crdt_clock", "sqlite_master", "account_tokens"]), actor.accountID,
                    pick(["is_admin", "role", "event_id"]), .integer(1), cl: 1)
            case 4:
                batch.set(
                    pick(["people", "events", "rsvps"]), pick(s.ids("people") + [actor.personID]),
                    pick(["is_admin", "id", "rowid", "published\"; DROP TABLE events; --"]), .integer(1), cl: 1)
            default:
                let session = pick(sessions(s))
                batch.upsert(
                    "rsvps", StableID.make("rsvp", session, ghost), rsvpValues(session, ghost, "accepted"), in: s)
            }
        }

        mutating func causalLength(_ batch: inout Batch, _ actor: FuzzActor, _ s: FuzzSnapshot) {
            let tables = [
                "rsvps", "signatures", "invitations", "session_roles", "sessions", "events", "people", "declarations",
                "rooms",
            ]
            let table = pick(tables)
            let known = Array((s.lengths[table] ?? [:]).keys).sorted()
            guard !known.isEmpty else { return legit(&batch, actor, s) }
            let id = pick(known)
            let cl = s.length(table, id)
            let columns = EventsSchema.replicated.table(named: table)!.columns
            switch int(0...5) {
            case 0: batch.set(table, id, nil, .null, cl: cl % 2 == 1 ? cl + 1 : cl + 2)  // delete
            case 1:
                // Delete and re-create in one batch, with fields of the pusher's choosing.
                let deleted = cl % 2 == 1 ? cl + 1 : cl + 2
                batch.set(table, id, nil, .null, cl: deleted)
                batch.set(table, id, nil, .null, cl: deleted + 1)
                var values = s.row(table, id) ?? [:]
                if values.keys.contains("person_id") { values["person_id"] = .text(actor.personID) }
                if table == "rsvps" {
                    values["decision"] = .text("confirmed")
                    values["response"] = .text("accepted")
                }
                if values.keys.contains("title") { values["title"] = .text("Re-created") }
                for (column, value) in values.sorted(by: { $0.key < $1.key }) {
                    batch.set(table, id, column, value, cl: deleted + 1)
                }
            case 2: batch.set(table, id, nil, .null, cl: cl + Int64(2 * int(1...1000) + int(0...1)))  // a jump
            case 3:
                // Values for an older or a future incarnation, without its existence record.
                batch.set(table, id, pick(columns).name, .text("stale"), cl: max(1, cl - 2))
                batch.set(table, id, pick(columns).name, .text("future"), cl: cl + 2)
            case 4:
                // Resurrect a deleted row, or delete and recreate one's own RSVP as confirmed.
                if cl % 2 == 0 {
                    batch.set(table, id, nil, .null, cl: cl + 1)
                } else {
                    let session = pick(sessions(s))
                    let rsvp = StableID.make("rsvp", session, actor.personID)
                    let own = s.length("rsvps", rsvp)
                    let next = own % 2 == 1 ? own + 1 : own + 2
                    batch.set("rsvps", rsvp, nil, .null, cl: next)
                    batch.set("rsvps", rsvp, nil, .null, cl: next + 1)
                    for (column, value) in rsvpValues(session, actor.personID, "accepted").merging(
                        ["decision": .text("confirmed")], uniquingKeysWith: { $1 })
                    {
                        batch.set("rsvps", rsvp, column, value, cl: next + 1)
                    }
                }
            default:
                // Even and odd records for the same row in one batch, in any order.
                for length in [cl + 1, cl + 2, cl + 3, cl + 4].shuffled(using: &rng) {
                    batch.set(table, id, nil, .null, cl: length, counter: Int64(int(0...50)))
                }
            }
        }

        mutating func foreignRSVP(_ batch: inout Batch, _ actor: FuzzActor, _ s: FuzzSnapshot) {
            let session = pick(sessions(s))
            let other = otherPerson(actor)
            switch int(0...4) {
            case 0:
                batch.upsert(
                    "rsvps", StableID.make("rsvp", session, other),
                    rsvpValues(session, other, pick(["accepted", "declined"])), in: s)
            case 1:
                batch.upsert(
                    "rsvps", StableID.make("rsvp", session, actor.personID), rsvpValues(session, other, "accepted"),
                    in: s)
            case 2:
                batch.upsert(
                    "rsvps", StableID.make("rsvp", session, other), rsvpValues(session, actor.personID, "accepted"),
                    in: s)
            case 3:
                let foreign = s.ids("rsvps").filter { s.text("rsvps", $0, "person_id") != actor.personID }
                guard !foreign.isEmpty else { return legit(&batch, actor, s) }
                let id = pick(foreign)
                batch.field("rsvps", id, "response", .text(pick(["declined", "delegated", "tentative"])), in: s)
                if chance(0.5) { batch.field("rsvps", id, "substitute_id", .text(actor.personID), in: s) }
            default:
                let declaration = pick(s.ids("declarations"))
                batch.upsert(
                    "signatures", StableID.make("signature", declaration, other),
                    [
                        "declaration_id": .text(declaration), "person_id": .text(other), "reservation": .text("Forged"),
                        "signed_at": .text("2026-01-01T00:00:00Z"),
                    ], in: s)
            }
        }

        mutating func selfDelegation(_ batch: inout Batch, _ actor: FuzzActor, _ s: FuzzSnapshot) {
            let session = actor.label == "invitee" && chance(0.5) ? world.pssPlenary : pick(sessions(s))
            let id = StableID.make("rsvp", session, actor.personID)
            let substitute = pick([actor.personID, actor.personID, "ghost-person", actor.email])
            if chance(0.3) && s.row("rsvps", id) != nil {
                batch.field("rsvps", id, "response", .text("delegated"), in: s)
                batch.field("rsvps", id, "substitute_id", .text(substitute), in: s)
            } else {
                batch.upsert(
                    "rsvps", id, rsvpValues(session, actor.personID, "delegated", substitute: substitute), in: s)
            }
        }

        mutating func uninvitedDelegation(_ batch: inout Batch, _ actor: FuzzActor, _ s: FuzzSnapshot) {
            let invited = Set(
                s.ids("invitations").compactMap { s.row("invitations", $0) }.filter {
                    $0["person_id"]?.text == actor.personID
                }.compactMap { $0["session_id"]?.text })
            let candidates = [world.pssPlenary, world.pssDinner, world.gmsClosed, world.webClosed].filter {
                !invited.contains($0)
            }
            let session = pick(candidates.isEmpty ? sessions(s) : candidates)
            let substitute = pick(world.victims + world.actors.map(\.personID).filter { $0 != actor.personID })
            if chance(0.2) {
                // The invitation a delegation would bring, forged directly.
                let event = s.text("sessions", session, "event_id") ?? ""
                batch.upsert(
                    "invitations", StableID.make("invitation", event, session, substitute),
                    [
                        "event_id": .text(event), "session_id": .text(session), "person_id": .text(substitute),
                        "invited_by": .text("delegation"),
                    ], in: s)
            }
            batch.upsert(
                "rsvps", StableID.make("rsvp", session, actor.personID),
                rsvpValues(session, actor.personID, "delegated", substitute: substitute), in: s)
        }

        mutating func forgedDecision(_ batch: inout Batch, _ actor: FuzzActor, _ s: FuzzSnapshot) {
            let decision: SyncValue = pick([
                .text("confirmed"), .text("confirmed"), .text("waitlisted"), .text("refused"), .null,
            ])
            let reason: SyncValue = pick([
                .text("position 1"), .text("VIP"), .null, .text("not invited: this session is by invitation only"),
            ])
            switch int(0...2) {
            case 0:
                let session = pick([
                    world.gmsSmall, world.gmsSalon, world.pssPlenary, world.gmsClosed, pick(sessions(s)),
                ])
                var values = rsvpValues(session, actor.personID, "accepted")
                values["decision"] = decision
                if chance(0.5) { values["decision_reason"] = reason }
                batch.upsert("rsvps", StableID.make("rsvp", session, actor.personID), values, in: s)
            case 1:
                let own = s.ids("rsvps").filter { s.text("rsvps", $0, "person_id") == actor.personID }
                guard !own.isEmpty else { return forgedDecision(&batch, actor, s) }
                let id = pick(own)
                batch.field("rsvps", id, "decision", decision, in: s)
                if chance(0.5) { batch.field("rsvps", id, "decision_reason", reason, in: s) }
                if chance(0.3) { batch.field("rsvps", id, "waitlist_position", .integer(Int64(int(1...3))), in: s) }
            default:
                let existing = s.ids("rsvps")
                guard !existing.isEmpty else { return legit(&batch, actor, s) }
                let id = pick(existing)
                batch.field("rsvps", id, "decision", decision, in: s)
                batch.field("rsvps", id, "decision_reason", reason, in: s)
            }
        }
    }

    struct PullState {
        var cursor: Int64 = 0
        var view: String?
    }

    static func environment(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }

    /// The checker is not vacuous: writes made behind the policy's back (local, unjudged) are all reported.
    @Test func theCheckerReportsWritesOutsideTheRights() throws {
        let world = try World(folder: try temporaryFolder())
        let checker = AuthorityInvariants(daemonReplica: world.store.replica.id.bytes)
        let attendee = world.actors.first { $0.label == "attendee" }!
        let before = try FuzzSnapshot.take(world.store.replica)
        try world.store.editSession(id: world.gmsSmall, SessionDraft(title: "Renamed behind the policy's back"))
        try world.store.respond(sessionID: world.gmsChaired, person: "victim3@example.org", response: "accepted")
        try world.store.invite(eventSlug: "pss", sessionID: world.pssDinner, person: attendee.email)
        try world.store.replica.write { write in
            try write.update(
                "rsvps", id: StableID.make("rsvp", world.gmsSmall, Self.person("victim1@example.org")),
                values: ["decision": .text("confirmed")])
            for person in ["victim2@example.org", "victim3@example.org"] {
                let id = StableID.make("rsvp", world.gmsSmall, Self.person(person))
                try write.insert(
                    into: "rsvps", id: id,
                    values: [
                        "session_id": .text(world.gmsSmall), "person_id": .text(Self.person(person)),
                        "response": .text("accepted"), "decision": .text("confirmed"),
                    ])
            }
        }
        let after = try FuzzSnapshot.take(world.store.replica)
        let found = checker.check(
            before: before, after: after, actor: attendee, context: .init(header: "self-test", pushed: []))
        for needle in [
            "not an organizer of the session's event", "(3) a new rsvps row", "(2) an invitation appeared",
            "another person's RSVP", "(4) 3 confirmed RSVPs for 2 seats",
        ] {
            #expect(
                found.contains { $0.contains(needle) },
                "the checker missed: \(needle)\n\(found.joined(separator: "\n"))")
        }
        let leaked = [
            Change(
                table: "people", rowID: Self.person("victim1@example.org"), column: "email",
                value: .text("victim1@example.org"),
                stamp: Stamp(causalLength: 1, time: .zero, replica: attendee.replica)),
            Change(
                table: "sessions", rowID: world.pssDinner, column: "title", value: .text("Dinner"),
                stamp: Stamp(causalLength: 1, time: .zero, replica: attendee.replica)),
        ]
        let invitee = world.actors.first { $0.label == "invitee" }!
        #expect(checker.checkPull(leaked, snapshot: before, actor: attendee, header: "self-test").count == 2)
        #expect(
            checker.checkPull(leaked, snapshot: before, actor: invitee, header: "self-test").count == 2,
            "session-scoped invitation shows that session only")
    }

    @Test func hostileBatchesNeverBreakTheRightsTable() throws {
        let seed = Self.environment("AUTHORITY_FUZZ_SEED").flatMap { UInt64($0) } ?? 20_161_920
        let total = max(1_000, Self.environment("AUTHORITY_FUZZ_BATCHES").flatMap { Int($0) } ?? 1_000)
        let folder = try temporaryFolder()
        let world = try World(folder: folder, seed: seed)
        let server = world.server
        let checker = AuthorityInvariants(daemonReplica: world.store.replica.id.bytes)
        var generator = Generator(rng: SeededGenerator(seed: seed), world: world)
        var counts: [Kind: Int] = [:]
        var violations: [String] = []
        var history: [String: [(PushRequest, PushResponse)]] = [:]
        var pulls: [String: PullState] = [:]
        var pushErrors: [String: Int] = [:]
        var verdicts: [String: Int] = [:]
        var clocks: [String: Int] = [:]
        var malformed: [String] = []
        var notes: [String] = []
        let started = Date()

        func pull(_ actor: FuzzActor, from scratch: Bool, snapshot: FuzzSnapshot, header: String) {
            var state = scratch ? PullState() : pulls[actor.accountID] ?? PullState()
            do {
                var pages = 0
                while true {
                    let page = try server.pull(
                        after: state.cursor, limit: 10_000, principal: actor.accountID, view: state.view)
                    let changes = try page.changes.changes()
                    violations += checker.checkPull(
                        changes, snapshot: snapshot, actor: actor, header: header + (scratch ? " (full pull)" : ""))
                    state.cursor = page.cursor
                    state.view = page.view
                    pages += 1
                    if !page.hasMore || pages > 100 { break }
                }
            } catch {
                violations.append("\(header): (6) the server no longer answers a pull: \(error)")
            }
            if !scratch { pulls[actor.accountID] = state }
        }

        for number in 0..<total {
            let actor = generator.pick(world.actors)
            var kind = number < world.actors.count ? Kind.legit : generator.pick(Kind.allCases)
            let actorForBatch = number < world.actors.count ? world.actors[number] : actor
            let before = try FuzzSnapshot.take(world.store.replica)
            world.clock.advance(by: 1_000)
            let now = world.clock.now() + Int64(generator.int(0...40))
            var batch = Batch(replica: actorForBatch.replica, now: now)
            var request: PushRequest?
            var expectError = false
            var expectedAnswer: PushResponse?
            let batchID = "b\(number)"
            switch kind {
            case .legit: generator.legit(&batch, actorForBatch, before)
            case .borrowedLink: generator.borrowedLink(&batch, actorForBatch, before)
            case .sameField: generator.sameField(&batch, actorForBatch, before)
            case .wrongType: generator.wrongType(&batch, actorForBatch, before)
            case .huge: generator.hugeOrHostile(&batch, actorForBatch, before, huge: true)
            case .hostile: generator.hugeOrHostile(&batch, actorForBatch, before, huge: false)
            case .missingRow: generator.missingRow(&batch, actorForBatch, before)
            case .causalLength: generator.causalLength(&batch, actorForBatch, before)
            case .foreignRSVP: generator.foreignRSVP(&batch, actorForBatch, before)
            case .selfDelegation: generator.selfDelegation(&batch, actorForBatch, before)
            case .uninvitedDelegation: generator.uninvitedDelegation(&batch, actorForBatch, before)
            case .forgedDecision: generator.forgedDecision(&batch, actorForBatch, before)
            case .replay, .reusedBatchID:
                if let earlier = history[actorForBatch.accountID], !earlier.isEmpty {
                    let (previous, answer) = generator.pick(earlier)
                    if kind == .replay {
                        request = previous
                        expectedAnswer = answer
                    } else {
                        generator.legit(&batch, actorForBatch, before)
                        request = PushRequest(
                            schemaVersion: EventsSchema.version, replica: actorForBatch.replica, batch: previous.batch,
                            changes: ChangeSet(batch.changes))
                        expectError = request?.changes != previous.changes
                    }
                } else {
                    kind = .legit
                    generator.legit(&batch, actorForBatch, before)
                }
            case .forgedReplica:
                let others = world.actors.filter { $0.accountID != actorForBatch.accountID }
                let other = generator.pick(others)
                var forged = Batch(replica: other.replica, now: now)
                generator.legit(&forged, other, before)
                if generator.chance(0.5) {
                    // Another account's replica id: the push is refused as a whole.
                    request = PushRequest(
                        schemaVersion: EventsSchema.version, replica: other.replica, batch: batchID,
                        changes: ChangeSet(forged.changes))
                    expectError = true
                } else {
                    // The pusher's own replica, carrying changes stamped by another account's replica.
                    batch.changes = forged.changes
                }
            }
            counts[kind, default: 0] += 1
            if request == nil, generator.chance(0.2) {
                // A laptop whose clock runs an hour ahead (restamped) or reads 1970 (moved up to the horizon).
                let skewed = generator.chance(0.5) ? Int64(3_600_000) : -now
                clocks[skewed > 0 ? "ahead" : "1970", default: 0] += 1
                batch.changes = batch.changes.map { change in
                    var change = change
                    change.stamp.time = HybridTimestamp(
                        milliseconds: max(0, change.stamp.time.milliseconds + skewed),
                        counter: change.stamp.time.counter)
                    return change
                }
            }
            let push =
                request
                ?? PushRequest(
                    schemaVersion: EventsSchema.version, replica: actorForBatch.replica, batch: batchID,
                    changes: ChangeSet(batch.changes))
            let pushed = (try? push.changes.changes()) ?? []
            let header = "seed \(seed) batch \(number) [\(kind.rawValue)] by \(actorForBatch.label)"
            var answer: PushResponse?
            do {
                answer = try server.push(push, principal: actorForBatch.accountID)
                if expectError {
                    violations.append(
                        "\(header): the push was expected to be refused as a whole, but was answered \(answer!.accepted) accepted"
                    )
                }
            } catch let error as SyncError {
                let name = Mirror(reflecting: error).children.first?.label ?? "\(error)"
                pushErrors[name, default: 0] += 1
                if case .malformed = error, malformed.count < 5 { malformed.append("\(header): \(error)") }
                if !expectError {
                    switch error {
                    case .replicaOwnedByAnother, .batchReused:
                        violations.append("\(header): unexpected refusal of the whole push: \(error)")
                    default: break
                    }
                }
            } catch {
                violations.append("\(header): the push failed with a non-protocol error (a 500): \(error)")
            }
            if let answer {
                for note in answer.notes { verdicts[note.kind.rawValue, default: 0] += 1 }
                verdicts["accepted", default: 0] += answer.accepted
                if let expectedAnswer, answer != expectedAnswer {
                    violations.append(
                        "\(header): a replay got another answer than the first (\(answer.accepted) vs \(expectedAnswer.accepted) accepted)"
                    )
                }
                if request == nil { history[actorForBatch.accountID, default: []].append((push, answer)) }
            }
            let after = try FuzzSnapshot.take(world.store.replica)
            if answer == nil || expectedAnswer != nil {
                // A refused push or a replay changes nothing at all.
                if before.rows != after.rows || before.lengths != after.lengths {
                    violations.append(
                        "\(header): a \(answer == nil ? "refused push" : "replayed batch") changed the database")
                }
            }
            violations += checker.check(
                before: before, after: after, actor: actorForBatch, context: .init(header: header, pushed: pushed))
            for id in before.ids("people") where after.row("people", id) == nil {
                notes.append(
                    "\(header): person \(id) (\(before.text("people", id, "email") ?? "no email")) was deleted")
            }
            pull(actorForBatch, from: false, snapshot: after, header: header)
            if number % 100 == 99 {
                for other in world.actors {
                    pull(
                        other, from: true, snapshot: after,
                        header: "seed \(seed) after batch \(number) as \(other.label)")
                }
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        let summary = Kind.allCases.map { "\($0.rawValue)=\(counts[$0] ?? 0)" }.joined(separator: " ")
        print(
            "AuthorityFuzz seed \(seed): \(total) batches in \(String(format: "%.1f", elapsed)) s (\(String(format: "%.0f", Double(total) / elapsed)) batches/s); kinds: \(summary)"
        )
        print(
            "AuthorityFuzz verdicts: \(verdicts.sorted { $0.key < $1.key }); whole-push refusals: \(pushErrors.sorted { $0.key < $1.key })"
        )
        for line in notes.prefix(20) { print("AuthorityFuzz note: \(line)") }
        for line in malformed { print("AuthorityFuzz malformed push: \(line)") }
        print("AuthorityFuzz violations: \(violations.count)")
        for violation in violations.prefix(400) { print("AuthorityFuzz VIOLATION \(violation)") }
        for kind in Kind.allCases {
            #expect((counts[kind] ?? 0) >= 20, "kind \(kind.rawValue) ran only \(counts[kind] ?? 0) times")
        }
        print("AuthorityFuzz skewed clocks: \(clocks.sorted { $0.key < $1.key })")
        #expect((clocks["ahead"] ?? 0) >= 20 && (clocks["1970"] ?? 0) >= 20, "skewed clocks: \(clocks)")
        #expect((verdicts["restamped"] ?? 0) >= 20, "restamped changes reached: \(verdicts["restamped"] ?? 0)")
        #expect(
            violations.isEmpty,
            "\(violations.count) violations; first: \(violations.prefix(20).joined(separator: "\n"))")
    }
}
