import GRDB

/// What published declarations make public to everyone: the declarations themselves, their approved
/// signatures, and their signatories' names and affiliations (never an email).
struct PublicRecord {
    let declarations: Set<String>
    let signatures: Set<String>
    let signatories: Set<String>

    /// For a reader who reads everything anyway.
    static let nothing = PublicRecord(declarations: [], signatures: [], signatories: [])

    static func load(in db: Database) throws -> PublicRecord {
        let declarations = try String.fetchAll(
            db.cachedStatement(sql: "SELECT id FROM declarations WHERE published = 1"))
        let signatures = try Row.fetchAll(
            db,
            sql: """
                SELECT s.id, s.person_id FROM signatures s JOIN declarations d ON d.id = s.declaration_id
                WHERE d.published = 1 AND coalesce(s.status, 'approved') = 'approved'
                """)
        return PublicRecord(
            declarations: Set(declarations), signatures: Set(signatures.map { $0[EventsColumn.id] }),
            signatories: Set(signatures.map { $0[EventsColumn.personID] }))
    }
}
