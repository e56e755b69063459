import GRDB
import Sync

/// What one account may read, field by field: the single judgement behind both a pull's filter and the HTTP
/// API's lists, so a row the API shows is a row the account's laptop receives, and the other way round.
struct ReadAccess {
    let rights: Rights
    /// People with a role in a session the account may see: their names and organizations are public there.
    let speakers: Set<String>
    private var rows: RowOwners

    init(rights: Rights, speakers: Set<String>, db: Database) {
        self.rights = rights
        self.speakers = speakers
        rows = RowOwners(db: db)
    }

    /// Reads the account's rights now (an administrator reads everything, so needs no speakers).
    init(principal: String, in db: Database) throws {
        let rights = try Rights.load(principal, in: db)
        self.init(rights: rights, speakers: rights.isAdmin ? [] : try Self.speakers(visibleTo: rights, in: db), db: db)
    }

    mutating func sees(_ change: Change) throws -> Bool {
        try sees(table: change.table, row: change.rowID, column: change.column, isDeletion: change.isDeletion)
    }

    /// Whether the account may read the field (`column`), or the row's existence (`nil`).
    mutating func sees(table: String, row: String, column: String?, isDeletion: Bool = false) throws -> Bool {
        if rights.isAdmin { return true }
        switch table {
        case "organizations":
            return true
        case "events":
            guard let event = try rows.event(table: table, row: row) else { return isDeletion }
            return rights.seesEventRow(event)
        case "sessions", "session_roles":
            guard let event = try rows.event(table: table, row: row) else { return isDeletion }
            let session = table == "sessions" ? row : try rows.session(ofRole: row)
            return session.map { rights.seesSession($0, of: event) } ?? false
        case "segments", "rooms", "declarations":
            guard let event = try rows.event(table: table, row: row) else { return isDeletion }
            return rights.sees.contains(event)
        case "people":
            if !rights.organizes.isEmpty || row == rights.personID { return true }
            return speakers.contains(row) && column != "email"
        case "invitations", "rsvps", "signatures":
            guard let event = try rows.event(table: table, row: row) else { return isDeletion }
            if rights.organizes.contains(event) { return true }
            return try rows.person(table: table, row: row) == rights.personID
        default:
            return false
        }
    }

    static func speakers(visibleTo rights: Rights, in db: Database) throws -> Set<String> {
        guard !rights.sees.isEmpty else { return [] }
        let events = Array(rights.sees)
        return Set(
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT r.person_id FROM session_roles r JOIN sessions s ON s.id = r.session_id
                    WHERE s.event_id IN (\(databaseQuestionMarks(count: events.count)))
                    """,
                arguments: StatementArguments(events)))
    }
}

/// Finds the event and the person a row belongs to, remembering the answers.
private struct RowOwners {
    let db: Database
    var events: [RowKey: String?] = [:]
    var people: [RowKey: String?] = [:]

    init(db: Database) {
        self.db = db
    }

    mutating func event(table: String, row: String) throws -> String? {
        let key = RowKey(table: table, id: row)
        if let known = events[key] { return known }
        let sql: String
        switch table {
        case "events": sql = "SELECT id FROM events WHERE id = ?"
        case "session_roles", "rsvps":
            sql = "SELECT s.event_id FROM \(table) x JOIN sessions s ON s.id = x.session_id WHERE x.id = ?"
        case "signatures":
            sql = "SELECT d.event_id FROM signatures x JOIN declarations d ON d.id = x.declaration_id WHERE x.id = ?"
        default: sql = "SELECT event_id FROM \(table) WHERE id = ?"
        }
        let event = try String.fetchOne(db, sql: sql, arguments: [row])
        events[key] = event
        return event
    }

    func session(ofRole row: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT session_id FROM session_roles WHERE id = ?", arguments: [row])
    }

    mutating func person(table: String, row: String) throws -> String? {
        let key = RowKey(table: table, id: row)
        if let known = people[key] { return known }
        let person = try String.fetchOne(db, sql: "SELECT person_id FROM \(table) WHERE id = ?", arguments: [row])
        people[key] = person
        return person
    }
}
