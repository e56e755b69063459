import Foundation
import GRDB

/// A replica: one SQLite file in WAL mode holding the replicated tables, their clocks and the sync state.
/// It is the only owner of its database; every write goes through `write(_:)` or a merge, in one transaction
/// that also persists the clock (on a daemon, a savepoint of a transaction shared by the writes that arrived
/// together, see `GroupCommit`).
public final class Replica: Sendable {
    public let schema: ReplicatedSchema
    public let id: ReplicaID
    public let path: String
    let pool: DatabasePool
    let now: @Sendable () -> Int64
    /// Set on a server: concurrent transactions share one commit.
    let groupCommit: GroupCommit?

    /// When a commit counts as done. Both survive a crash of the process (`kill -9`); `full` also survives a
    /// power cut, at the price of an fsync per commit.
    public enum Durability: String, Sendable, CaseIterable {
        case full = "FULL"
        case normal = "NORMAL"
    }

    /// Opens (or creates) the replica at `path`. `migrations` registers the host's own local tables after the
    /// sync layer's; with `groupsCommits` (a daemon's), transactions that arrive together commit together
    /// (`GroupCommit`); `now` gives Unix milliseconds and is replaceable for tests.
    public init(
        path: String,
        schema: ReplicatedSchema,
        migrations: (inout DatabaseMigrator) -> Void = { _ in },
        durability: Durability = .full,
        busyTimeout: TimeInterval = 10,
        groupsCommits: Bool = false,
        now: @escaping @Sendable () -> Int64 = Replica.wallClock
    ) throws {
        (pool, id) = try StorageFailure.translating(path: path) {
            try Self.openPool(
                path: path, schema: schema, migrations: migrations, durability: durability, busyTimeout: busyTimeout)
        }
        self.schema = schema
        self.path = path
        self.now = now
        groupCommit = groupsCommits ? GroupCommit(pool: pool, path: path) : nil
    }

    private static func openPool(
        path: String, schema: ReplicatedSchema, migrations: (inout DatabaseMigrator) -> Void, durability: Durability,
        busyTimeout: TimeInterval
    ) throws -> (DatabasePool, ReplicaID) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // What is deleted leaves no bytes behind in the file (a laptop forgets what left its view).
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        OwnerOnlyFiles.prepare(path)
        let pool = try DatabasePool(path: path, configuration: configuration)
        // Only the writer commits. Set after the pool is open: GRDB turns on WAL there and with it `NORMAL`,
        // which would override a setting made while the connection was prepared.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = \(durability.rawValue)") }
        OwnerOnlyFiles.narrow(path)
        var migrator = DatabaseMigrator()
        SyncMigrations.register(in: &migrator)
        migrations(&migrator)
        try migrator.migrate(pool)
        let id = try pool.write { db in
            try createReplicatedTables(schema, in: db)
            return try identity(in: db)
        }
        return (pool, id)
    }

    public static let wallClock: @Sendable () -> Int64 = {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// Reads with a consistent snapshot, concurrently with writes.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try StorageFailure.translating(path: path) { try pool.read(body) }
    }

    /// One write transaction (or a savepoint of a shared one, with group commit); engine errors are told as
    /// `StorageFailure`.
    func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        if let groupCommit { return try groupCommit.perform(body) }
        return try StorageFailure.translating(path: path) { try pool.write(body) }
    }

    /// Performs local edits in one transaction; each changed field gets a fresh stamp from this replica's clock.
    public func write<T>(_ body: (inout LocalWrite) throws -> T) throws -> T {
        try transaction { db in
            var local = LocalWrite(context: try MergeContext(db: db, schema: schema, now: now()))
            let result = try body(&local)
            try local.context.save()
            return result
        }
    }

    /// Performs edits for an account, as the daemon does for its HTTP API: every row the edits touched is judged
    /// by `policy` on its result, as a pushed batch's rows are (a refusal throws `SyncError.forbidden` and nothing
    /// is written), and the policy's follow-ups run in the same transaction.
    public func write<T>(as principal: String, policy: any SyncPolicy, _ body: (inout LocalWrite) throws -> T) throws
        -> T
    {
        try transaction { db in
            let judge = try policy.judge(for: principal, in: db)
            var local = LocalWrite(context: try MergeContext(db: db, schema: schema, now: now()))
            local.judge = judge
            let result = try body(&local)
            local.judge = nil
            try local.judgeTouchedRows(with: judge)
            let rows = local.touched.keys
            try policy.didApply(rows: rows, by: principal, writer: &local)
            try local.context.save()
            return result
        }
    }

    /// Writes to the host's own, non-replicated tables (accounts, configuration) in one transaction.
    public func writeLocalTables<T>(_ body: (Database) throws -> T) throws -> T {
        try transaction(body)
    }

    /// Merges changes from another replica by last-writer-wins; returns how many won.
    @discardableResult
    public func merge(_ changes: [Change]) throws -> Int {
        try transaction { db in
            var context = try MergeContext(db: db, schema: schema, now: now())
            context.defersValues = true
            if let newest = changes.map(\.stamp.time).max() { context.clock.receive(newest) }
            var won = 0
            for change in changes where try context.apply(change) { won += 1 }
            try context.save()
            return won
        }
    }

    /// This replica's change sequence: it grows with every value written or merged here.
    public func sequence() throws -> Int64 {
        try read { db in try Int64.fetchOne(db.cachedStatement(sql: "SELECT seq FROM crdt_replica")) ?? 0 }
    }

    /// Whether the row exists or ever existed here (a deleted row is still known by its tombstone).
    public func isKnown(table: String, id: String) throws -> Bool {
        try read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM crdt_clock WHERE tbl = ? AND row_id = ?)",
                arguments: [table, id]) ?? false
        }
    }

    /// The last clock reading this replica produced or received.
    public func lastTimestamp() throws -> HybridTimestamp {
        try read { db in
            HybridTimestamp(rawValue: try Int64.fetchOne(db, sql: "SELECT hlc FROM crdt_replica") ?? 0)
        }
    }

    private static func identity(in db: Database) throws -> ReplicaID {
        if let bytes = try Data.fetchOne(db, sql: "SELECT replica_id FROM crdt_replica"),
            let id = ReplicaID(bytes: bytes)
        {
            return id
        }
        let id = ReplicaID()
        try db.execute(
            sql: "INSERT INTO crdt_replica (singleton, replica_id, hlc, seq) VALUES (1, ?, 0, 0)", arguments: [id.bytes]
        )
        return id
    }

    /// Creates missing replicated tables and adds columns a newer schema declares.
    private static func createReplicatedTables(_ schema: ReplicatedSchema, in db: Database) throws {
        for table in schema.tables {
            let name = table.name.quotedDatabaseIdentifier
            if try db.tableExists(table.name) {
                let existing = Set(try db.columns(in: table.name).map(\.name))
                for column in table.columns where !existing.contains(column.name) {
                    try db.execute(
                        sql:
                            "ALTER TABLE \(name) ADD COLUMN \(column.name.quotedDatabaseIdentifier) \(column.affinity.rawValue)"
                    )
                }
            } else {
                let columns = table.columns.map { "\($0.name.quotedDatabaseIdentifier) \($0.affinity.rawValue)" }
                try db.execute(
                    sql: "CREATE TABLE \(name) (id TEXT PRIMARY KEY NOT NULL, \(columns.joined(separator: ", ")))")
            }
            for columns in table.indexed.map({ [$0] }) + table.indexedTogether {
                let index = "\(table.name)_by_\(columns.joined(separator: "_"))".quotedDatabaseIdentifier
                let list = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
                try db.execute(sql: "CREATE INDEX IF NOT EXISTS \(index) ON \(name)(\(list))")
            }
        }
    }
}

extension Replica {
    /// When each row last changed (its newest stamp), the same on every replica that has converged.
    public func lastModified(table: String, ids: [String]) throws -> [String: HybridTimestamp] {
        try read { db in
            var result: [String: HybridTimestamp] = [:]
            for id in ids {
                let newest = try Int64.fetchOne(
                    db.cachedStatement(sql: "SELECT max(hlc) FROM crdt_clock WHERE tbl = ? AND row_id = ?"),
                    arguments: [table, id])
                if let newest { result[id] = HybridTimestamp(rawValue: newest) }
            }
            return result
        }
    }
}
