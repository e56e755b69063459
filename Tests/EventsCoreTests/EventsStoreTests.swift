import Foundation
import GRDB
import Sync
import Testing

@testable import EventsCore

func temporaryStore(name: String = "replica") throws -> EventsStore {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("events-core-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return try EventsStore.open(
        path: folder.appendingPathComponent("\(name).sqlite").path, migrations: AccountStore.registerMigrations)
}

let mayorsSummit = EventDraft(
    slug: "gms-2017", title: "Global Mayors Summit", kind: "summit", timezone: "America/New_York", city: "New York",
    startsOn: "2017-09-18", endsOn: "2017-09-19")

@Suite struct EventsStoreTests {
    @Test func readsLocalTimesInTheEventsZoneAndStoresUTC() throws {
        let store = try temporaryStore()
        try store.declareEvent(mayorsSummit)
        let id = try store.addSession(
            eventSlug: "gms-2017", SessionDraft(title: "Opening", start: "2017-09-18T09:30", end: "2017-09-18T11:00"))
        let session = try store.session(id: id)
        #expect(Instant.format(session.startsAt) == "2017-09-18T13:30:00Z")
        #expect(Instant.format(session.endsAt) == "2017-09-18T15:00:00Z")
        let explicit = try store.addSession(
            eventSlug: "gms-2017",
            SessionDraft(title: "UTC", start: "2017-09-18T20:00:00Z", end: "2017-09-18T21:00:00+00:00"))
        #expect(Instant.format(try store.session(id: explicit).startsAt) == "2017-09-18T20:00:00Z")
    }

    @Test func refusesSessionsThatCannotExist() throws {
        let store = try temporaryStore()
        try store.declareEvent(mayorsSummit)
        #expect(throws: EventsError.emptyTitle) {
            try store.addSession(
                eventSlug: "gms-2017", SessionDraft(title: "  ", start: "2017-09-18T09:00", end: "2017-09-18T10:00"))
        }
        #expect(throws: EventsError.invalidTime("tomorrow")) {
            try store.addSession(
                eventSlug: "gms-2017", SessionDraft(title: "T", start: "tomorrow", end: "2017-09-18T10:00"))
        }
        #expect(throws: EventsError.endsBeforeStart(start: "2017-09-18 10:00", end: "2017-09-18 09:00")) {
            try store.addSession(
                eventSlug: "gms-2017", SessionDraft(title: "T", start: "2017-09-18T10:00", end: "2017-09-18T09:00"))
        }
        #expect(throws: EventsError.eventNotFound("nope")) {
            try store.addSession(
                eventSlug: "nope", SessionDraft(title: "T", start: "2017-09-18T09:00", end: "2017-09-18T10:00"))
        }
        #expect(throws: EventsError.sessionNotFound("missing")) {
            try store.editSession(id: "missing", SessionDraft(title: "x"))
        }
        #expect(throws: EventsError.sessionNotFound("missing")) { try store.deleteSession(id: "missing") }
        #expect(try store.sessions(eventSlug: "gms-2017").isEmpty)
    }

    @Test func movingTheStartKeepsTheLength() throws {
        let store = try temporaryStore()
        try store.declareEvent(mayorsSummit)
        let id = try store.addSession(
            eventSlug: "gms-2017", SessionDraft(title: "Panel", start: "2017-09-18T11:30", end: "2017-09-18T13:00"))
        try store.editSession(id: id, SessionDraft(start: "2017-09-19T09:00"))
        let moved = try store.session(id: id)
        #expect(Instant.format(moved.startsAt) == "2017-09-19T13:00:00Z")
        #expect(moved.endsAt.timeIntervalSince(moved.startsAt) == 90 * 60)
    }

    @Test func unknownTimeZonesAreRefused() throws {
        let store = try temporaryStore()
        var draft = mayorsSummit
        draft.timezone = "Europe/Geneva"
        #expect(throws: EventsError.unknownTimeZone("Europe/Geneva")) { try store.declareEvent(draft) }
    }
}

@Suite struct SeedLoaderTests {
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seed")

    @Test func loadsEveryMeetingKindOnceAndNeverResurrectsDeletions() throws {
        let store = try temporaryStore()
        let loader = SeedLoader(store: store)
        let added = try loader.load(directory: Self.seed)
        #expect(added > 20)
        #expect(Set(try store.events().map(\.kind)) == ["summit", "forum", "webinar", "dialogue"])
        #expect(try store.event(slug: "pss-2016").invitationOnly)
        let digest = try store.replica.contentDigest()
        #expect(try loader.load(directory: Self.seed) == 0)
        #expect(try store.replica.contentDigest() == digest)
        let lunch = try #require(try store.sessions(eventSlug: "gms-2017").first { $0.title == "Lunch" })
        try store.deleteSession(id: lunch.id)
        #expect(try loader.load(directory: Self.seed) == 0)
        #expect(try !store.sessions(eventSlug: "gms-2017").contains { $0.id == lunch.id })
    }

    /// The UN High-level Dialogues as the record gives them: 2006 with four plenary meetings and four interactive
    /// roundtables on the record's four themes, 2013 with its dates only.
    @Test func theHighLevelDialoguesFollowTheRecord() throws {
        let store = try temporaryStore()
        try SeedLoader(store: store).load(directory: Self.seed)
        let first = try store.agenda(eventSlug: "hld-2006")
        #expect(first.event.startsOn == "2006-09-14" && first.event.endsOn == "2006-09-15")
        #expect(first.items.filter { $0.session.format == .plenary }.count == 4)
        let roundtables = first.items.filter { $0.session.format == .roundtable }.map(\.session.title)
        #expect(roundtables.count == 4)
        #expect(roundtables.contains { $0.contains("including remittances") })
        #expect(first.items.allSatisfy { $0.people.isEmpty }, "the record names no speakers")
        let second = try store.agenda(eventSlug: "hld-2013")
        #expect(second.event.startsOn == "2013-10-03" && second.items.isEmpty, "the record gives no sessions")
        #expect(try store.event(slug: "hld-2013").series == first.event.series)
    }

    /// A seed file may write a role as people do ("Co-Chair"), and an edit of the file may change its case: the
    /// seed derives the same row id as the command does, so a seeded role an organizer removed stays removed.
    @Test func aRemovedSeededRoleStaysRemovedWhenTheSeedChangesItsCase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seed-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.seed, to: folder)
        let store = try temporaryStore()
        let loader = SeedLoader(store: store)
        _ = try loader.load(directory: folder)
        let roles = try store.replica.rows(of: EventsTable.sessionRoles.name).filter { $0["role"] == .text("co-chair") }
        let removed = try #require(roles.first)
        let person = try #require(try store.people().first { $0.id == removed["person_id"]?.text })
        try store.removeRole(
            sessionID: try #require(removed["session_id"]?.text), person: person.email ?? person.id, role: "co-chair")

        let gfmd = folder.appendingPathComponent("03-gfmd-2007-brussels.json")
        let text = try String(contentsOf: gfmd, encoding: .utf8)
        #expect(text.contains("\"role\": \"co-chair\""))
        try text.replacingOccurrences(of: "\"role\": \"co-chair\"", with: "\"role\": \"Co-Chair\"").write(
            to: gfmd, atomically: true, encoding: .utf8)
        _ = try loader.load(directory: folder)
        let after = try store.replica.rows(of: EventsTable.sessionRoles.name).filter { $0["role"] == .text("co-chair") }
        #expect(after.count == roles.count - 1, "no removed role comes back")
    }
}

@Suite struct AccountStoreTests {
    @Test func tokensAuthenticateAndAreStoredOnlyAsHashes() throws {
        let store = try temporaryStore()
        let accounts = AccountStore(replica: store.replica)
        let (account, token) = try accounts.createAccount(email: "ana@example.org", name: "Ana", isAdmin: true)
        #expect(try accounts.account(forToken: token) == account)
        #expect(try accounts.account(forToken: token + "x") == nil)
        let stored = try store.replica.read { db in
            try Data.fetchAll(db, sql: "SELECT hash FROM account_tokens")
        }
        #expect(stored.count == 1 && stored[0] != Data(token.utf8))
        let file =
            try Data(contentsOf: URL(fileURLWithPath: store.replica.path))
            + ((try? Data(contentsOf: URL(fileURLWithPath: store.replica.path + "-wal"))) ?? Data())
        #expect(file.range(of: Data(token.utf8)) == nil)
        #expect(throws: AccountsError.emailTaken("ANA@example.org")) {
            try accounts.createAccount(email: "ANA@example.org", name: "Ana again", isAdmin: false)
        }
    }
}
