import Crypto
import Foundation
import GRDB
import Sync

/// The daemon's accounts and their bearer tokens. Tokens are stored only as SHA-256 hashes: a copy of the
/// database does not let anyone log in.
public struct AccountStore: Sendable {
    let replica: Replica

    public init(replica: Replica) {
        self.replica = replica
    }

    /// The daemon-local tables, registered after the sync layer's.
    public static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("accounts-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE accounts (
                        id TEXT PRIMARY KEY NOT NULL,
                        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
                        name TEXT NOT NULL CHECK (length(name) > 0),
                        is_admin INTEGER NOT NULL DEFAULT 0,
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE account_tokens (
                        hash BLOB PRIMARY KEY NOT NULL,
                        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                        created_at TEXT NOT NULL,
                        revoked_at TEXT
                    );
                    """)
        }
        migrator.registerMigration("authority-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE event_roles (
                        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                        event_id TEXT NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('organizer', 'attendee')),
                        PRIMARY KEY (account_id, event_id, role)
                    );
                    CREATE TABLE rsvp_arrivals (
                        arrival INTEGER PRIMARY KEY AUTOINCREMENT,
                        rsvp_id TEXT NOT NULL UNIQUE
                    );
                    """)
        }
        migrator.registerMigration("arrivals-session-v1") { db in
            try db.execute(sql: "ALTER TABLE rsvp_arrivals ADD COLUMN session_id TEXT")
        }
        migrator.registerMigration("feed-tokens-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE feed_tokens (
                        hash BLOB PRIMARY KEY NOT NULL,
                        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                        created_at TEXT NOT NULL,
                        revoked_at TEXT
                    );
                    """)
        }
        migrator.registerMigration("schedule-numbers-v1") { db in
            // The last version number given per event, so a withdrawn version's number is never given again.
            try db.execute(
                sql: "CREATE TABLE schedule_numbers (event_id TEXT PRIMARY KEY NOT NULL, last INTEGER NOT NULL)")
        }
        migrator.registerMigration("feed-tokens-v2") { db in
            // A live feed token is also kept as it is, so the attendee's page shows the same calendar URL on every
            // visit. It reads one person's calendar, which this database holds anyway (unlike an account token,
            // which writes, and stays a hash); revoking it forgets it.
            try db.execute(sql: "ALTER TABLE feed_tokens ADD COLUMN token TEXT")
        }
    }

    /// Creates an account with a first token; the token is returned once and never stored in clear.
    public func createAccount(email: String, name: String, isAdmin: Bool) throws -> (Account, token: String) {
        let typed = email.trimmingCharacters(in: .whitespaces)
        let email = EmailAddress.canonical(typed)
        let name = name.trimmingCharacters(in: .whitespaces)
        guard email.looksLikeEmail else { throw AccountsError.invalidEmail(typed) }
        guard !name.isEmpty else { throw AccountsError.emptyName }
        return try replica.writeLocalTables { db in
            guard
                try !Bool.fetchOne(
                    db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM accounts WHERE email = ?)"),
                    arguments: [email])!
            else {
                throw AccountsError.emailTaken(typed)
            }
            let id = UUID().uuidString.lowercased()
            let now = Instant.format(Date())
            try db.execute(
                sql: "INSERT INTO accounts (id, email, name, is_admin, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, email, name, isAdmin, now])
            let token = Self.newToken()
            try db.execute(
                sql: "INSERT INTO account_tokens (hash, account_id, created_at) VALUES (?, ?, ?)",
                arguments: [Self.hash(token), id, now])
            let account = try Account.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM accounts WHERE id = ?"), arguments: [id])!
            return (account, token)
        }
    }

    /// The account a bearer token belongs to, if the token exists and is not revoked.
    public func account(forToken token: String) throws -> Account? {
        try replica.read { db in
            try Account.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT accounts.* FROM account_tokens JOIN accounts ON accounts.id = account_tokens.account_id
                        WHERE account_tokens.hash = ? AND account_tokens.revoked_at IS NULL
                        """),
                arguments: [Self.hash(token)])
        }
    }

    /// A new calendar-feed token: calendar apps send no credentials, so the token in the URL is the key; it is
    /// separate from the login token and revocable on its own.
    public func createFeedToken(for account: Account) throws -> String {
        let token = Self.newToken(prefix: "feed_")
        try replica.writeLocalTables { db in
            try db.execute(
                sql: "INSERT INTO feed_tokens (hash, account_id, created_at, token) VALUES (?, ?, ?, ?)",
                arguments: [Self.hash(token), account.id, Instant.format(Date()), token])
        }
        return token
    }

    /// The account's newest live feed token, if one was made since tokens are kept (`nil` otherwise).
    public func currentFeedToken(for account: Account) throws -> String? {
        try replica.read { db in
            try String.fetchOne(
                db,
                sql: "SELECT token FROM feed_tokens WHERE account_id = ? AND revoked_at IS NULL AND token IS NOT NULL "
                    + "ORDER BY created_at DESC, rowid DESC LIMIT 1",
                arguments: [account.id])
        }
    }

    /// Revokes every feed token of the account; returns how many were live.
    @discardableResult
    public func revokeFeedTokens(for account: Account) throws -> Int {
        try replica.writeLocalTables { db in
            try db.execute(
                sql: "UPDATE feed_tokens SET revoked_at = ?, token = NULL WHERE account_id = ? AND revoked_at IS NULL",
                arguments: [Instant.format(Date()), account.id])
            return db.changesCount
        }
    }

    public func account(forFeedToken token: String) throws -> Account? {
        try replica.read { db in
            try Account.fetchOne(
                db,
                sql: "SELECT accounts.* FROM feed_tokens JOIN accounts ON accounts.id = feed_tokens.account_id "
                    + "WHERE feed_tokens.hash = ? AND feed_tokens.revoked_at IS NULL",
                arguments: [Self.hash(token)])
        }
    }

    static func newToken(prefix: String = "evt_") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return prefix
            + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(
                of: "=", with: "")
    }

    static func hash(_ token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }
}
