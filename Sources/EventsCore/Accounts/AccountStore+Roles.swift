import Foundation
import GRDB

/// Per-event roles and token revocation, managed with `eventsd admin`.
extension AccountStore {
    public enum EventRole: String, CaseIterable, Sendable {
        case organizer, attendee
    }

    public func account(email: String) throws -> Account {
        guard
            let account = try replica.read({ db in
                try Account.fetchOne(
                    db.cachedStatement(sql: "SELECT * FROM accounts WHERE email = ?"),
                    arguments: [EmailAddress.canonical(email)])
            })
        else { throw AccountsError.unknownAccount(email) }
        return account
    }

    /// Gives the account a role in the event (by slug); granting twice is harmless.
    public func grant(_ role: EventRole, to email: String, eventSlug: String) throws {
        let account = try account(email: email)
        let event = try EventsStore(replica: replica).event(slug: eventSlug)
        try replica.writeLocalTables { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO event_roles (account_id, event_id, role) VALUES (?, ?, ?)",
                arguments: [account.id, event.id, role.rawValue])
        }
    }

    /// Takes the role away; from the next push on, the account's changes are judged without it.
    @discardableResult
    public func revoke(_ role: EventRole, from email: String, eventSlug: String) throws -> Bool {
        let account = try account(email: email)
        let event = try EventsStore(replica: replica).event(slug: eventSlug)
        return try replica.writeLocalTables { db in
            try db.execute(
                sql: "DELETE FROM event_roles WHERE account_id = ? AND event_id = ? AND role = ?",
                arguments: [account.id, event.id, role.rawValue])
            return db.changesCount > 0
        }
    }

    /// Revokes every bearer token of the account at once; returns how many were live.
    @discardableResult
    public func revokeTokens(of email: String) throws -> Int {
        let account = try account(email: email)
        return try replica.writeLocalTables { db in
            try db.execute(
                sql: "UPDATE account_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL",
                arguments: [Instant.format(Date()), account.id])
            return db.changesCount
        }
    }

    /// A new bearer token for an existing account.
    public func createToken(for email: String) throws -> String {
        let account = try account(email: email)
        let token = Self.newToken()
        try replica.writeLocalTables { db in
            try db.execute(
                sql: "INSERT INTO account_tokens (hash, account_id, created_at) VALUES (?, ?, ?)",
                arguments: [Self.hash(token), account.id, Instant.format(Date())])
        }
        return token
    }
}
