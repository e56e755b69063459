import GRDB

/// What one account may do, read from the daemon's current data: its administrator flag, its person (by
/// email), the events it organizes, and the events it may see.
struct Rights {
    let accountID: String
    let isAdmin: Bool
    let personID: String?
    let organizes: Set<String>
    let sees: Set<String>

    static func load(_ accountID: String, in db: Database) throws -> Rights {
        guard let account = try Row.fetchOne(db, sql: "SELECT email, is_admin FROM accounts WHERE id = ?", arguments: [accountID]) else {
            return Rights(accountID: accountID, isAdmin: false, personID: nil, organizes: [], sees: [])
        }
        let email: String = account["email"]
        let personID = StableID.make("person", email.lowercased())
        let organizes = Set(
            try String.fetchAll(db, sql: "SELECT event_id FROM event_roles WHERE account_id = ? AND role = 'organizer'", arguments: [accountID]))
        let sees = try String.fetchAll(
            db,
            sql: """
                SELECT event_id FROM event_roles WHERE account_id = :account
                UNION SELECT id FROM events WHERE published = 1
                UNION SELECT event_id FROM invitations WHERE person_id = :person
                UNION SELECT s.event_id FROM session_roles r JOIN sessions s ON s.id = r.session_id WHERE r.person_id = :person
                """,
            arguments: ["account": accountID, "person": personID])
        return Rights(accountID: accountID, isAdmin: account["is_admin"], personID: personID, organizes: organizes, sees: Set(sees))
    }

    /// Whether the person co-chairs the session now.
    func coChairs(_ sessionID: String, in db: Database) throws -> Bool {
        guard let personID else { return false }
        return try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM session_roles WHERE session_id = ? AND person_id = ? AND role = 'co-chair')",
            arguments: [sessionID, personID]) ?? false
    }
}
