import GRDB
import Sync

/// What one account may read, field by field: the single judgement behind both a pull's filter and the HTTP
/// API's lists, so a row the API shows is a row the account's laptop receives, and the other way round.
struct ReadAccess {
    let rights: Rights
    private var knownSpeakers: Set<String>?
    private var knownPublicRecord: PublicRecord?
    private var rows: RowOwners
    var db: Database { rows.db }

    init(rights: Rights, speakers: Set<String>, publicRecord: PublicRecord, db: Database) {
        self.rights = rights
        knownSpeakers = speakers
        knownPublicRecord = publicRecord
        rows = RowOwners(db: db)
    }

    /// Reads the account's rights now; the speakers and the public record are read when a judgement first needs
    /// them (an administrator's never does).
    init(principal: String, in db: Database) throws {
        rights = try Rights.load(principal, in: db)
        rows = RowOwners(db: db)
    }

    /// People with a role in, or inscribed to speak at, a session the account may see, and public signatories:
    /// their names and organizations are public there.
    private mutating func speakers() throws -> Set<String> {
        if let knownSpeakers { return knownSpeakers }
        let people = try Self.speakers(visibleTo: rights, in: db).union(publicRecord().signatories)
        knownSpeakers = people
        return people
    }

    /// Published declarations, their approved signatures and signatories: everyone's to read.
    private mutating func publicRecord() throws -> PublicRecord {
        if let knownPublicRecord { return knownPublicRecord }
        let record = try PublicRecord.load(in: db)
        knownPublicRecord = record
        return record
    }

    mutating func sees(_ change: Change) throws -> Bool {
        try sees(table: change.table, row: change.rowID, column: change.column, isDeletion: change.isDeletion)
    }

    /// Whether the account may read the field (`column`), or the row's existence (`nil`). A deletion is judged
    /// on what the deleted row belonged to and whom it named, as it was before; a deletion older than that
    /// memory is told to everyone.
    mutating func sees(table: String, row: String, column: String?, isDeletion: Bool = false) throws -> Bool {
        if rights.isAdmin { return true }
        let unknown = try isDeletion && !rows.remembers(table: table, row: row)
        switch EventsTable(rawValue: table) {
        case .organizations, .bodies, .bodyMembers:
            return true
        case .events:
            if try rows.exists(table: table, row: row) { return rights.seesEventRow(row) }
            return try unknown || rights.sees.contains(row)
                || rows.scope(table: table, row: row, .published) == Int64(1)
        case .sessions, .sessionRoles, .documents, .statements:
            guard let event = try rows.event(table: table, row: row) else { return unknown }
            let session = table == EventsTable.sessions.name ? row : try rows.session(of: table, row: row)
            guard let session, rights.seesSession(session, of: event) else { return false }
            if try namesPeople(table: table, column: column), try rows.isChathamHouse(session),
                !rights.takesPart(in: session, of: event), try !namesMe(table: table, row: row)
            {
                return false
            }
            guard table == EventsTable.sessions.name, column == EventsColumn.joinURL.name else { return true }
            return try JoinLink.isReadable(session: session, event: event, by: rights, in: rows.db)
        case .segments, .rooms, .scheduleVersions, .observers:
            guard let event = try rows.event(table: table, row: row) else { return unknown }
            return rights.sees.contains(event)
        case .declarations:
            if try publicRecord().declarations.contains(row) { return true }
            guard let event = try rows.event(table: table, row: row) else {
                return try unknown || rows.scope(table: table, row: row, .published) == Int64(1)
            }
            return rights.sees.contains(event)
        case .signatures:
            return try seesSignature(row, column: column, unknown: unknown)
        case .people:
            if !rights.organizes.isEmpty || row == rights.personID { return true }
            return try speakers().contains(row) && column != EventsColumn.email.name
        case .invitations, .rsvps:
            guard let event = try rows.event(table: table, row: row) else { return unknown }
            if rights.organizes.contains(event) { return true }
            return try rows.person(table: table, row: row) == rights.personID
        default:
            return false
        }
    }

    /// A signature is read by its signatory and the declaration's organizers; an approved one of a published
    /// declaration by everyone, but for a public signatory's contact.
    private mutating func seesSignature(_ row: String, column: String?, unknown: Bool) throws -> Bool {
        let table = EventsTable.signatures.name
        let event = try rows.event(table: table, row: row)
        if let event, rights.organizes.contains(event) { return true }
        if try rows.person(table: table, row: row) == rights.personID { return true }
        if event == nil, unknown { return true }
        return try publicRecord().signatures.contains(row) && column != EventsColumn.contactEmail.name
    }

    /// Whether the account may learn who chairs and speaks in a session of `event` it sees: always, but under the
    /// Chatham House Rule, where only participants may.
    mutating func seesNames(inSession session: String, of event: String) throws -> Bool {
        try !rows.isChathamHouse(session) || rights.takesPart(in: session, of: event)
    }

    /// An account always reads its own inscription on a list of speakers.
    private mutating func namesMe(table: String, row: String) throws -> Bool {
        guard table == EventsTable.statements.name, let me = rights.personID else { return false }
        return try rows.person(table: table, row: row) == me
    }

    /// What names a session's people: its roles, its list of speakers, and its recording.
    private func namesPeople(table: String, column: String?) -> Bool {
        switch EventsTable(rawValue: table) {
        case .sessionRoles, .statements: true
        case .sessions: column == EventsColumn.recordingURL.name
        default: false
        }
    }

    /// People with a role in, or inscribed to speak at, a session the account may see, but for sessions under the
    /// Chatham House Rule it takes no part in.
    static func speakers(visibleTo rights: Rights, in db: Database) throws -> Set<String> {
        guard !rights.sees.isEmpty else { return [] }
        let events = Array(rights.sees)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT r.person_id, s.id AS session_id, s.event_id, coalesce(s.chatham_house, 0) AS chatham_house
                FROM session_roles r JOIN sessions s ON s.id = r.session_id
                WHERE s.event_id IN (\(databaseQuestionMarks(count: events.count)))
                UNION SELECT x.person_id, s.id, s.event_id, coalesce(s.chatham_house, 0)
                FROM statements x JOIN sessions s ON s.id = x.session_id
                WHERE s.event_id IN (\(databaseQuestionMarks(count: events.count)))
                """,
            arguments: StatementArguments(events + events))
        return Set(
            rows.filter { row in
                (row[EventsColumn.chathamHouse] as Int) == 0
                    || rights.takesPart(in: row[EventsColumn.sessionID], of: row[EventsColumn.eventID])
            }.map { $0[EventsColumn.personID] })
    }
}

/// Finds the event and the person a row belongs to, remembering the answers; a deleted row answers from what
/// it kept of itself.
private struct RowOwners {
    let db: Database
    var events: [RowKey: String?] = [:]
    var people: [RowKey: String?] = [:]
    var chathamHouse: [String: Bool] = [:]

    init(db: Database) {
        self.db = db
    }

    mutating func event(table: String, row: String) throws -> String? {
        let key = RowKey(table: table, id: row)
        if let known = events[key] { return known }
        let event = try liveEvent(table: table, row: row) ?? deletedEvent(table: table, row: row)
        events[key] = event
        return event
    }

    private func liveEvent(table: String, row: String) throws -> String? {
        let sql: String
        switch EventsTable(rawValue: table) {
        case .events: sql = "SELECT id FROM events WHERE id = ?"
        case .sessionRoles, .rsvps, .documents, .statements:
            sql = "SELECT s.event_id FROM \(table) x JOIN sessions s ON s.id = x.session_id WHERE x.id = ?"
        case .signatures:
            sql = "SELECT d.event_id FROM signatures x JOIN declarations d ON d.id = x.declaration_id WHERE x.id = ?"
        default: sql = "SELECT event_id FROM \(table) WHERE id = ?"
        }
        return try String.fetchOne(db.cachedStatement(sql: sql), arguments: [row])
    }

    /// The event of a deleted row, through the session or declaration it named (live or deleted itself).
    private mutating func deletedEvent(table: String, row: String) throws -> String? {
        switch EventsTable(rawValue: table) {
        case .events: return nil
        case .sessionRoles, .rsvps, .documents, .statements:
            return try scope(table: table, row: row, .sessionID).flatMap {
                try event(table: EventsTable.sessions.name, row: $0)
            }
        case .signatures:
            return try scope(table: table, row: row, .declarationID).flatMap {
                try event(table: EventsTable.declarations.name, row: $0)
            }
        default: return try scope(table: table, row: row, .eventID)
        }
    }

    /// The session a role, document or inscription belongs to, alive or deleted.
    func session(of table: String, row: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT session_id FROM \(table) WHERE id = ?"), arguments: [row])
            ?? scope(table: table, row: row, .sessionID)
    }

    mutating func person(table: String, row: String) throws -> String? {
        let key = RowKey(table: table, id: row)
        if let known = people[key] { return known }
        let person =
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT person_id FROM \(table) WHERE id = ?"), arguments: [row])
            ?? scope(table: table, row: row, .personID)
        people[key] = person
        return person
    }

    mutating func isChathamHouse(_ session: String) throws -> Bool {
        if let known = chathamHouse[session] { return known }
        let holds = try ChathamHouse.holds(session: session, in: db)
        chathamHouse[session] = holds
        return holds
    }

    func exists(table: String, row: String) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)"), arguments: [row]) ?? false
    }

    /// Whether the row is gone and kept what it belonged to.
    func remembers(table: String, row: String) throws -> Bool {
        try DeletedRows.remembersScope(of: table, row: row, in: db)
    }

    /// A value the deleted row kept of itself.
    func scope<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        table: String, row: String, _ column: EventsColumn
    ) throws -> Value? {
        try DeletedRows.scopeValue(of: table, row: row, column: column.name, in: db)
    }
}
