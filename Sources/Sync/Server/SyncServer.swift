import Crypto
import Foundation
import GRDB

/// The daemon side of the protocol: applies pushed batches with authority and serves pulls, over the daemon's
/// own replica. Pure of any HTTP concern.
public struct SyncServer: Sendable {
    /// The daemon's replica, written only through the protocol and the policy.
    let replica: Replica
    public let policy: any SyncPolicy
    /// The schema version the daemon's replica is on.
    public var schemaVersion: Int { replica.schema.version }
    /// Stamps further ahead of the daemon's clock than this (milliseconds) are replaced by the daemon's own.
    public var maxClockSkew: Int64 = 5 * 60 * 1000
    /// Stamps older than this (milliseconds; the tombstone horizon) are moved up to it, so a clock set to 1970
    /// cannot make a change older than every deletion the daemon still remembers.
    public var maxStampAge: Int64 = 180 * 86_400_000
    public var maxPageSize = 10_000
    /// The most changes one push may carry: a laptop's page (`SyncClient.batchLimit`), so that one push never
    /// holds the single writer for long. A queued batch is replayed unchanged, so this never shrinks.
    public var maxBatchChanges = 5_000

    public init(replica: Replica, policy: any SyncPolicy) {
        self.replica = replica
        self.policy = policy
    }

    /// Applies a batch in one transaction and answers it; a replayed batch gets its first answer again. Every row the
    /// batch touched is judged on its merged result against the rights the account had before the batch.
    public func push(_ request: PushRequest, principal: String) throws -> PushResponse {
        let schema = replica.schema
        guard schema.accepts(version: request.schemaVersion) else {
            throw SyncError.unsupportedSchema(
                sent: request.schemaVersion, accepted: [schema.version, schema.version - 1])
        }
        let count = request.changes.count
        guard count <= maxBatchChanges else { throw SyncError.tooManyChanges(count: count, max: maxBatchChanges) }
        let changes = try request.changes.changes()
        // A batch that cannot be encoded again (a non-finite number, only possible in process) is malformed.
        guard let digest = try? Self.digest(of: request) else {
            throw SyncError.malformed("the batch holds a value JSON cannot carry")
        }
        return try replica.transaction { db in
            try claim(request.replica, for: principal, in: db)
            if let answer = try previousAnswer(to: request, digest: digest, in: db) { return answer }
            let judge = try policy.judge(for: principal, in: db)
            var batch = PushApplication(
                context: try MergeContext(db: db, schema: schema, now: replica.now()), skew: maxClockSkew,
                maxAge: maxStampAge, judge: judge,
                changes: changes)
            for (index, change) in changes.enumerated() {
                try batch.apply(change, index: index, from: request.replica)
            }
            try batch.judgeTouchedRows()
            try batch.runFollowUps(policy: policy, principal: principal)
            try batch.context.save()
            let response = batch.response(for: request.batch)
            try db.execute(
                sql: "INSERT INTO sync_batches (replica, batch, digest, response) VALUES (?, ?, ?, ?)",
                arguments: [request.replica.bytes, request.batch, digest, try JSONEncoder().encode(response)])
            return response
        }
    }

    /// A page of what `principal` may see after `cursor`. A laptop whose `view` is not the principal's current
    /// one starts over from the beginning, so it receives what its new rights show. A laptop whose cursor is
    /// below the tombstone horizon must rebuild (410), unless it pulled under that same `horizon`: then it
    /// started from the beginning after the collection, or from a cursor above it, and missed nothing.
    /// A laptop on an earlier `schemaVersion` receives only the tables and columns it knows.
    public func pull(
        after cursor: Int64, limit: Int, principal: String, view: String? = nil, horizon walked: Int64? = nil,
        schemaVersion: Int? = nil
    ) throws -> PullResponse {
        guard cursor >= 0, limit > 0, walked ?? 0 >= 0 else {
            throw SyncError.malformed("cursor and horizon must be >= 0 and limit > 0")
        }
        let schema = replica.schema
        let version = schemaVersion ?? schema.version
        guard schema.accepts(version: version) else {
            throw SyncError.unsupportedSchema(sent: version, accepted: [schema.version, schema.version - 1])
        }
        return try replica.read { db in
            let latest = try Int64.fetchOne(db, sql: "SELECT seq FROM crdt_replica") ?? 0
            guard cursor <= latest else {
                throw SyncError.cursorAhead(cursor: cursor, latest: latest)
            }
            let context = PullContext(db: db)
            // A laptop's view names its schema too: one that upgrades pulls from the start again, so it
            // receives the tables and columns that were held back from it.
            let rights = try policy.viewVersion(of: principal, in: context)
            let current = version == schema.version ? rights : "\(rights)@\(version)"
            let start = (view ?? "") == current ? cursor : 0
            let horizon = try Int64.fetchOne(db, sql: "SELECT seq FROM sync_horizon") ?? 0
            if start > 0, start < horizon, walked != horizon { throw SyncError.resyncRequired }
            let page = try replica.changes(in: db, after: start, limit: min(limit, maxPageSize))
            let known = page.changes.filter { schema.knows($0, atVersion: version) }
            let visible = try policy.visibleChanges(known, to: principal, in: context)
            return PullResponse(
                schemaVersion: schema.version, changes: ChangeSet(visible), cursor: page.lastSeq,
                hasMore: page.hasMore, view: current, horizon: horizon)
        }
    }

    /// Forgets deleted rows whose deletion the daemon applied before `cutoff` (Unix milliseconds, its own clock,
    /// whatever stamp the deletion carried), so tombstones do not pile
    /// up forever; laptops that last pulled before the newest forgotten deletion are told to rebuild. Returns how
    /// many rows were forgotten.
    @discardableResult
    public func collectTombstones(olderThan cutoff: Int64) throws -> Int {
        try replica.transaction { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.tbl, c.row_id, c.seq FROM crdt_deletions d JOIN crdt_clock c ON c.tbl = d.tbl AND c.row_id = d.row_id AND c.col = ''
                    WHERE d.deleted_at < ? AND c.cl % 2 = 0
                    """,
                arguments: [cutoff])
            guard !rows.isEmpty else { return 0 }
            for row in rows {
                try db.execute(
                    sql: "DELETE FROM crdt_clock WHERE tbl = ? AND row_id = ?", arguments: [row["tbl"], row["row_id"]])
                try DeletedRows.forget(row["tbl"], row: row["row_id"], in: db)
            }
            let newest = rows.map { $0["seq"] as Int64 }.max() ?? 0
            try db.execute(
                sql: """
                    INSERT INTO sync_horizon (singleton, seq, time) VALUES (1, ?, ?)
                    ON CONFLICT (singleton) DO UPDATE SET seq = max(seq, excluded.seq), time = max(time, excluded.time)
                    """,
                arguments: [newest, cutoff])
            return rows.count
        }
    }

    /// A replica id is bound to the first account that pushes from it, so nobody can push in another's name.
    private func claim(_ id: ReplicaID, for principal: String, in db: Database) throws {
        if let owner = try String.fetchOne(
            db, sql: "SELECT principal FROM sync_replicas WHERE replica = ?", arguments: [id.bytes])
        {
            guard owner == principal else { throw SyncError.replicaOwnedByAnother(id) }
        } else {
            try db.execute(
                sql: "INSERT INTO sync_replicas (replica, principal) VALUES (?, ?)", arguments: [id.bytes, principal])
        }
    }

    private func previousAnswer(to request: PushRequest, digest: Data, in db: Database) throws -> PushResponse? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT digest, response FROM sync_batches WHERE replica = ? AND batch = ?",
                arguments: [request.replica.bytes, request.batch])
        else { return nil }
        guard row["digest"] as Data == digest else { throw SyncError.batchReused(request.batch) }
        return try JSONDecoder().decode(PushResponse.self, from: row["response"] as Data)
    }

    static func digest(of request: PushRequest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return Data(SHA256.hash(data: try encoder.encode(request)))
    }
}
