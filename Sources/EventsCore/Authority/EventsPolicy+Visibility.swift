import Crypto
import Foundation
import GRDB
import Sync

extension EventsPolicy {
    /// Attendees receive the agendas they may see, co-chairs' and speakers' names and organizations, and their
    /// own invitations, RSVPs and signatures; never another person's email, RSVP or invitation. Organizers
    /// receive their events' full data; administrators everything.
    public func visibleChanges(_ changes: [Change], to principal: String, in pull: PullContext) throws -> [Change] {
        let rights = try rights(of: principal, in: pull)
        if rights.isAdmin { return changes }
        var lookup = RowEvents(db: pull.db)
        let speakers = try visiblePeople(rights, in: pull)
        return try changes.filter { change in
            switch change.table {
            case "organizations":
                return true
            case "events", "segments", "rooms", "sessions", "declarations", "session_roles":
                guard let event = try lookup.event(of: change) else { return change.isDeletion }
                return rights.sees.contains(event)
            case "people":
                if !rights.organizes.isEmpty || change.rowID == rights.personID { return true }
                return speakers.contains(change.rowID) && change.column != "email"
            case "invitations", "rsvps", "signatures":
                guard let event = try lookup.event(of: change) else { return change.isDeletion }
                if rights.organizes.contains(event) { return true }
                return try lookup.person(of: change) == rights.personID
            default:
                return false
            }
        }
    }

    public func viewVersion(of principal: String, in pull: PullContext) throws -> String {
        let rights = try rights(of: principal, in: pull)
        var hasher = SHA256()
        hasher.update(data: Data("\(rights.isAdmin)|\(rights.personID ?? "")".utf8))
        for set in [rights.sees, rights.organizes, try visiblePeople(rights, in: pull)] {
            hasher.update(data: Data((set.sorted().joined(separator: ",") + "|").utf8))
        }
        return hasher.finalize().prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    private func rights(of principal: String, in pull: PullContext) throws -> Rights {
        try pull.memo.value("rights:\(principal)") { try Rights.load(principal, in: pull.db) }
    }

    /// People with a role in a session the account may see: their names and organizations are public there.
    private func visiblePeople(_ rights: Rights, in pull: PullContext) throws -> Set<String> {
        try pull.memo.value("people:\(rights.accountID)") { try visiblePeople(rights, in: pull.db) }
    }

    private func visiblePeople(_ rights: Rights, in db: Database) throws -> Set<String> {
        guard !rights.sees.isEmpty else { return [] }
        let events = Array(rights.sees)
        let placeholders = databaseQuestionMarks(count: events.count)
        return Set(
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT r.person_id FROM session_roles r JOIN sessions s ON s.id = r.session_id
                    WHERE s.event_id IN (\(placeholders))
                    """,
                arguments: StatementArguments(events)))
    }
}

/// Finds the event and the person a row belongs to, remembering answers during one pull.
private struct RowEvents {
    let db: Database
    var events: [RowKey: String?] = [:]

    init(db: Database) {
        self.db = db
    }

    mutating func event(of change: Change) throws -> String? {
        let key = RowKey(table: change.table, id: change.rowID)
        if let known = events[key] { return known }
        let sql: String
        switch change.table {
        case "events": sql = "SELECT id FROM events WHERE id = ?"
        case "session_roles", "rsvps":
            sql = "SELECT s.event_id FROM \(change.table) x JOIN sessions s ON s.id = x.session_id WHERE x.id = ?"
        case "signatures":
            sql = "SELECT d.event_id FROM signatures x JOIN declarations d ON d.id = x.declaration_id WHERE x.id = ?"
        default: sql = "SELECT event_id FROM \(change.table) WHERE id = ?"
        }
        let event = try String.fetchOne(db, sql: sql, arguments: [change.rowID])
        events[key] = event
        return event
    }

    func person(of change: Change) throws -> String? {
        try String.fetchOne(db, sql: "SELECT person_id FROM \(change.table) WHERE id = ?", arguments: [change.rowID])
    }
}
