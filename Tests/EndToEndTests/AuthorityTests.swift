import Foundation
import GRDB
import Sync
import Testing

@testable import EventsCore

/// The daemon decides, over real HTTP (libcurl against the real `eventsd`): refused edits revert, removed
/// co-chairs lose their rights at once, seats never exceed capacity under racing RSVPs, invitation-only holds,
/// and attendees never receive other attendees' private data.
@Suite(.serialized) struct AuthorityTests {
    /// A laptop in process: its own replica file, synced over libcurl; used by one thread at a time.
    struct Laptop: @unchecked Sendable {
        let store: EventsStore
        let client: SyncClient
        let email: String

        init(folder: URL, url: String, token: String, email: String) throws {
            store = try EventsStore.open(path: folder.appendingPathComponent("\(email).sqlite").path)
            client = SyncClient(replica: store.replica, transport: try CurlTransport(baseURL: url, token: token))
            self.email = email
        }

        @discardableResult
        func sync() throws -> SyncClient.Report { try client.sync() }

        func rsvp(_ session: String) throws -> RSVP? {
            try store.replica.read { db in
                try RSVP.fetchOne(
                    db, sql: "SELECT * FROM rsvps WHERE id = ?",
                    arguments: [StableID.make("rsvp", session, StableID.make("person", email))])
            }
        }
    }

    /// A daemon database prepared in process: an event with a 10-seat session, an invitation-only session,
    /// an organizer, a co-chair and `attendees` attendees with accounts.
    struct World {
        let folder: URL
        let database: URL
        var tokens: [String: String] = [:]
        let open: String
        let small: String
        let closed: String
        let attendees: [String]

        init(attendees count: Int) throws {
            folder = try temporaryFolder()
            database = folder.appendingPathComponent("eventsd.sqlite")
            let store = try EventsStore.open(path: database.path, migrations: AccountStore.registerMigrations)
            let accounts = AccountStore(replica: store.replica)
            try store.addEvent(
                EventDraft(
                    slug: "pss", title: "Private Sector Summit", kind: "summit", timezone: "America/New_York",
                    city: "New York",
                    startsOn: "2016-09-20", endsOn: "2016-09-20", published: true))
            open = try store.addSession(
                eventSlug: "pss",
                SessionDraft(
                    title: "Roundtable: jobs", start: "2016-09-20T10:30", end: "2016-09-20T11:45", capacity: 10))
            small = try store.addSession(
                eventSlug: "pss",
                SessionDraft(
                    title: "Roundtable: finance", start: "2016-09-20T12:00", end: "2016-09-20T13:00", capacity: 10))
            closed = try store.addSession(
                eventSlug: "pss",
                SessionDraft(
                    title: "Leaders' breakfast", start: "2016-09-20T07:00", end: "2016-09-20T08:00",
                    invitationOnly: true))
            attendees = (0..<count).map { String(format: "attendee%02d@example.org", $0) }
            for email in ["organizer@example.org", "chair@example.org"] + attendees {
                try store.addPerson(name: email.components(separatedBy: "@")[0].capitalized, email: email)
                tokens[email] = try accounts.createAccount(email: email, name: email, isAdmin: false).token
            }
            try accounts.grant(.organizer, to: "organizer@example.org", eventSlug: "pss")
            try store.addRole(sessionID: open, person: "chair@example.org", role: "co-chair")
            try store.invite(eventSlug: "pss", sessionID: closed, person: "attendee00@example.org")
        }

        func laptop(_ email: String, url: String) throws -> Laptop {
            try Laptop(folder: folder, url: url, token: tokens[email]!, email: email)
        }
    }

    @Test func anAttendeesOfflineTitleEditIsRefusedAndReverted() throws {
        let world = try World(attendees: 1)
        let daemon = try Daemon(database: world.database, seed: nil)
        let attendee = try world.laptop("attendee00@example.org", url: daemon.url)
        try attendee.sync()
        try attendee.store.editSession(id: world.open, SessionDraft(title: "Renamed by an attendee"))
        let report = try attendee.sync()
        #expect(report.refused == 1)
        #expect(try attendee.store.session(id: world.open).title == "Roundtable: jobs")
        let status = try attendee.store.replica.clientStatus()
        #expect(status.refusals.first?.reason == "Only the event's organizers may change its sessions.")
        daemon.stop()
    }

    @Test func aCoChairRemovedWhileOfflineLosesTheQueuedEditsOnly() throws {
        let world = try World(attendees: 1)
        let daemon = try Daemon(database: world.database, seed: nil)
        let chair = try world.laptop("chair@example.org", url: daemon.url)
        let organizer = try world.laptop("organizer@example.org", url: daemon.url)
        try chair.sync()
        try organizer.sync()
        try chair.store.editSession(id: world.open, SessionDraft(title: "Jobs and skills for refugees"))
        #expect(try chair.sync().refused == 0)
        try chair.store.editSession(id: world.open, SessionDraft(start: "2016-09-20T10:00"))
        #expect(try chair.sync().refused == 3, "co-chairs may not move their session (start, end, sequence)")
        try chair.store.editSession(id: world.open, SessionDraft(description: "Written after the removal"))
        try organizer.store.removeRole(sessionID: world.open, person: "chair@example.org", role: "co-chair")
        try organizer.sync()
        #expect(try chair.sync().refused == 1)
        let session = try chair.store.session(id: world.open)
        #expect(session.title == "Jobs and skills for refugees")
        #expect(session.description == nil)
        #expect(Instant.format(session.startsAt) == "2016-09-20T14:30:00Z")
        daemon.stop()
    }

    /// Every attendee answers `accept` for `session`, all pushing at the same moment from their own thread.
    static func race(_ laptops: [Laptop], session: String, answerOffline: Bool) throws {
        let go = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        let failures = Failures()
        if answerOffline {
            for laptop in laptops {
                try laptop.store.respond(sessionID: session, person: laptop.email, response: "accepted")
            }
        }
        for laptop in laptops {
            done.enter()
            let thread = Thread {
                defer { done.leave() }
                go.wait()
                do {
                    if !answerOffline {
                        try laptop.store.respond(sessionID: session, person: laptop.email, response: "accepted")
                    }
                    try laptop.sync()
                } catch {
                    failures.add("\(laptop.email): \(error)")
                }
            }
            thread.start()
        }
        for _ in laptops { go.signal() }
        done.wait()
        #expect(failures.all.isEmpty, "\(failures.all)")
        for laptop in laptops { try laptop.sync() }
    }

    /// The decisions as each attendee sees them on their own laptop.
    static func decisions(_ laptops: [Laptop], session: String) throws -> [String: RSVP] {
        var result: [String: RSVP] = [:]
        for laptop in laptops { result[laptop.email] = try laptop.rsvp(session) }
        return result
    }

    static func checkSeats(_ decisions: [String: RSVP], seats: Int, total: Int) -> [String] {
        let confirmed = decisions.filter { $0.value.decision == .confirmed }
        let waiting = decisions.filter { $0.value.decision == .waitlisted }
        #expect(confirmed.count == seats)
        #expect(waiting.count == total - seats)
        let positions = waiting.compactMap(\.value.waitlistPosition).sorted()
        #expect(positions == Array(1...(total - seats)), "the waiting attendees hold the places 1...n, one each")
        #expect(
            waiting.allSatisfy {
                $0.value.decisionReason?.contains("position \($0.value.waitlistPosition ?? 0) ") == true
            }, "the words agree")
        return waiting.sorted { ($0.value.waitlistPosition ?? .max) < ($1.value.waitlistPosition ?? .max) }.map(\.key)
    }

    @Test(arguments: [false, true])
    func fiftyRacingRSVPsNeverOverfillTenSeats(answerOffline: Bool) throws {
        let world = try World(attendees: 50)
        let daemon = try Daemon(database: world.database, seed: nil)
        let laptops = try world.attendees.map { try world.laptop($0, url: daemon.url) }
        for laptop in laptops { try laptop.sync() }
        let session = answerOffline ? world.small : world.open
        try Self.race(laptops, session: session, answerOffline: answerOffline)
        let before = try Self.decisions(laptops, session: session)
        let queue = Self.checkSeats(before, seats: 10, total: 50)
        let leaving = try #require(laptops.first { before[$0.email]?.decision == .confirmed })
        try leaving.store.respond(sessionID: session, person: leaving.email, response: "declined")
        try leaving.sync()
        for laptop in laptops { try laptop.sync() }
        let after = try Self.decisions(laptops, session: session)
        #expect(after[queue[0]]?.decision == .confirmed, "the first on the waiting list moves up")
        #expect(after[leaving.email]?.decision == nil)
        let newQueue = Self.checkSeats(after.filter { $0.key != leaving.email }, seats: 10, total: 49)
        #expect(newQueue == Array(queue.dropFirst()), "the waiting list keeps its order")
        daemon.stop()
    }

    @Test func aNonInviteesRSVPToAnInvitationOnlySessionIsRefusedWithAReason() throws {
        let world = try World(attendees: 2)
        let daemon = try Daemon(database: world.database, seed: nil)
        let invited = try world.laptop("attendee00@example.org", url: daemon.url)
        let uninvited = try world.laptop("attendee01@example.org", url: daemon.url)
        for laptop in [invited, uninvited] {
            try laptop.sync()
            try laptop.store.respond(sessionID: world.closed, person: laptop.email, response: "accepted")
            try laptop.sync()
        }
        #expect(try invited.rsvp(world.closed)?.decision == .confirmed)
        let refused = try #require(try uninvited.rsvp(world.closed))
        #expect(refused.decision == .refused)
        #expect(refused.decisionReason == "not invited: this session is by invitation only")
        daemon.stop()
    }

    @Test func anAttendeesReplicaHoldsNoOtherAttendeesEmailOrRSVP() throws {
        let world = try World(attendees: 3)
        let daemon = try Daemon(database: world.database, seed: nil)
        let laptops = try world.attendees.map { try world.laptop($0, url: daemon.url) }
        for laptop in laptops {
            try laptop.sync()
            try laptop.store.respond(sessionID: world.open, person: laptop.email, response: "accepted")
            try laptop.sync()
        }
        let me = laptops[0]
        try me.sync()
        let (emails, rsvps, invitations) = try me.store.replica.read { db in
            (
                try String.fetchAll(db, sql: "SELECT email FROM people WHERE email IS NOT NULL"),
                try String.fetchAll(db, sql: "SELECT person_id FROM rsvps"),
                try String.fetchAll(db, sql: "SELECT person_id FROM invitations")
            )
        }
        let myPerson = StableID.make("person", me.email)
        #expect(emails == [me.email])
        #expect(rsvps == [myPerson])
        #expect(invitations.allSatisfy { $0 == myPerson })
        #expect(
            try me.store.roles(sessionID: world.open).map(\.person.name) == ["Chair"], "co-chairs' names are public")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: me.store.replica.path))
        bytes += (try? Data(contentsOf: URL(fileURLWithPath: me.store.replica.path + "-wal"))) ?? Data()
        for other in world.attendees.dropFirst() + ["chair@example.org", "organizer@example.org"] {
            #expect(bytes.range(of: Data(other.utf8)) == nil, "\(other) must not be in the attendee's replica file")
        }
        daemon.stop()
    }

    @Test func aRevokedTokenStopsWorkingAtOnce() throws {
        let world = try World(attendees: 1)
        let daemon = try Daemon(database: world.database, seed: nil)
        let attendee = try world.laptop("attendee00@example.org", url: daemon.url)
        try attendee.sync()
        let revoked = try run(
            Binaries.eventsd,
            ["admin", "revoke-tokens", "--db", world.database.path, "--email", "attendee00@example.org"])
        #expect(revoked.stdout.contains("Revoked 1 token"))
        #expect(throws: SyncError.unauthorized("The bearer token is unknown or revoked.")) { try attendee.sync() }
        let fresh = try run(
            Binaries.eventsd,
            ["admin", "create-token", "--db", world.database.path, "--email", "attendee00@example.org"])
        let again = try Laptop(
            folder: world.folder, url: daemon.url, token: fresh.lastLine, email: "attendee00@example.org")
        try again.sync()
        daemon.stop()
    }

    @Test func rightsGrantedLaterBringTheRowsFilteredOutBefore() throws {
        let world = try World(attendees: 2)
        let daemon = try Daemon(database: world.database, seed: nil)
        let organizer = try world.laptop("organizer@example.org", url: daemon.url)
        let attendee = try world.laptop("attendee01@example.org", url: daemon.url)
        try organizer.sync()
        try attendee.sync()
        #expect(try attendee.store.replica.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM invitations") } == 0)
        try organizer.store.invite(eventSlug: "pss", sessionID: world.closed, person: "attendee01@example.org")
        try organizer.sync()
        try attendee.sync()
        #expect(try attendee.store.replica.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM invitations") } == 1)
        daemon.stop()
    }
}
