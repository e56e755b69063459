import Crypto
import Foundation
import GRDB
import Sync

/// The daemon's accounts and their bearer tokens. Tokens are stored only as SHA-256 hashes: a copy of the
/// database does not let anyone log in.
public struct AccountStore: Sendable {
    public let replica: Replica

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
    }

    /// Creates an account with a first token; the token is returned once and never stored in clear.
    public func createAccount(email: String, name: String, isAdmin: Bool) throws -> (Account, token: String) {
        let email = email.trimmingCharacters(in: .whitespaces)
        let name = name.trimmingCharacters(in: .whitespaces)
        guard email.contains("@"), !email.hasPrefix("@"), !email.hasSuffix("@") else { throw AccountsError.invalidEmail(email) }
        guard !name.isEmpty else { throw AccountsError.emptyName }
        return try replica.writeLocalTables { db in
            guard try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM accounts WHERE email = ?)", arguments: [email])! else {
                throw AccountsError.emailTaken(email)
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
            let account = try Account.fetchOne(db, sql: "SELECT * FROM accounts WHERE id = ?", arguments: [id])!
            return (account, token)
        }
    }

    /// The account a bearer token belongs to, if the token exists and is not revoked.
    public func account(forToken token: String) throws -> Account? {
        try replica.read { db in
            try Account.fetchOne(
                db,
                sql: """
                    SELECT accounts.* FROM account_tokens JOIN accounts ON accounts.id = account_tokens.account_id
                    WHERE account_tokens.hash = ? AND account_tokens.revoked_at IS NULL
                    """,
                arguments: [Self.hash(token)])
        }
    }

    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "evt_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }
}
