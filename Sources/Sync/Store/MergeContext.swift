import Foundation
import GRDB

/// The CRDT state machine over one write transaction.
///
/// Every value is a last-writer-wins register ordered by `Stamp`; a row's existence is its causal length, the
/// largest causal length among its records (odd: alive, even: deleted). Values of an older incarnation are
/// dropped when a newer one appears, so a deleted-then-recreated row never shows stale fields and the state
/// stays compact. The replicated tables hold the winning values; `crdt_clock` holds their stamps.
struct MergeContext {
    let db: Database
    let schema: ReplicatedSchema
    let replica: ReplicaID
    var clock: HybridLogicalClock
    var seq: Int64
    /// This replica's wall clock for the transaction (Unix milliseconds): when it applied a deletion.
    let now: Int64
    /// The records of the row merged last: the changes of one row arrive together, so this saves a query per
    /// field.
    private var lastRow: (key: RowKey, records: [String: Stamp])?
    /// Set by the merge paths, where nothing reads the replicated tables mid-transaction: the won fields of a
    /// row are then written by one UPDATE instead of one each.
    var defersValues = false
    private var pending: (table: ReplicatedTable, row: String, values: [String: SyncValue])?
    /// The prepared UPDATE for each (table, set of columns) flushed in this transaction.
    private var updates: [String: Statement] = [:]

    init(db: Database, schema: ReplicatedSchema, now: Int64) throws {
        self.db = db
        self.schema = schema
        self.now = now
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT replica_id, hlc, seq FROM crdt_replica"))
        else {
            throw SyncError.malformed("the replica file has no identity row")
        }
        replica = ReplicaID(bytes: row["replica_id"])!
        clock = HybridLogicalClock(last: HybridTimestamp(rawValue: row["hlc"]))
        seq = row["seq"]
    }

    /// Writes the deferred values, then the clock and sequence.
    mutating func save() throws {
        try flush()
        try db.execute(
            sql: "UPDATE crdt_replica SET hlc = ?, seq = ?", arguments: [clock.last.rawValue, seq])
    }

    mutating func nextSeq() -> Int64 {
        seq += 1
        return seq
    }

    func table(_ name: String) throws(SyncError) -> ReplicatedTable {
        guard let table = schema.table(named: name) else { throw .unknownTable(name) }
        return table
    }

    /// The row's causal length: the largest among its records (0 for a row never seen).
    mutating func causalLength(table: String, row: String) throws -> Int64 {
        try records(table: table, row: row).values.map(\.causalLength).max() ?? 0
    }

    /// The same, read from the database without touching the cache, for read-only callers.
    func storedCausalLength(table: String, row: String) throws -> Int64 {
        try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT max(cl) FROM crdt_clock WHERE tbl = ? AND row_id = ?"),
            arguments: [table, row]) ?? 0
    }

    func stamp(table: String, row: String, column: String) throws -> Stamp? {
        let statement = try db.cachedStatement(
            sql: "SELECT cl, hlc, replica FROM crdt_clock WHERE tbl = ? AND row_id = ? AND col = ?")
        guard let found = try Row.fetchOne(statement, arguments: [table, row, column]) else { return nil }
        return Stamp(
            causalLength: found[0], time: HybridTimestamp(rawValue: found[1]), replica: ReplicaID(bytes: found[2])!)
    }

    /// Every record of a row, column → stamp (the existence record under "").
    private mutating func records(table: String, row: String) throws -> [String: Stamp] {
        let key = RowKey(table: table, id: row)
        if let lastRow, lastRow.key == key { return lastRow.records }
        let statement = try db.cachedStatement(
            sql: "SELECT col, cl, hlc, replica FROM crdt_clock WHERE tbl = ? AND row_id = ?")
        var records: [String: Stamp] = [:]
        let rows = try Row.fetchCursor(statement, arguments: [table, row])
        while let found = try rows.next() {
            records[found[0]] = Stamp(
                causalLength: found[1], time: HybridTimestamp(rawValue: found[2]), replica: ReplicaID(bytes: found[3])!)
        }
        lastRow = (key, records)
        return records
    }

    /// Merges one change. Returns whether it won (and was stored). `force` stores it even over a newer stamp of
    /// the same incarnation: the daemon's restamped copy of a change whose clock ran ahead.
    @discardableResult
    mutating func apply(_ change: Change, force: Bool = false) throws -> Bool {
        let table = try table(change.table)
        if let column = change.column {
            guard table.column(named: column) != nil else {
                throw SyncError.unknownColumn(table: table.name, column: column)
            }
            guard change.stamp.causalLength % 2 == 1 else {
                throw SyncError.malformed("a value of \(table.name).\(column) carries an even causal length")
            }
        }
        var records = try records(table: table.name, row: change.rowID)
        let current = records.values.map(\.causalLength).max() ?? 0
        if change.column != nil, change.stamp.causalLength < current { return false }
        if let existing = records[change.column ?? ""] {
            let newer = change.stamp > existing
            let forced = force && change.stamp.causalLength == existing.causalLength
            guard newer || forced else { return false }
        }
        if change.stamp.causalLength > current {
            try reincarnate(table, row: change.rowID, causalLength: change.stamp.causalLength, seen: !records.isEmpty)
            records = records.filter { $0.key.isEmpty || $0.value.causalLength >= change.stamp.causalLength }
        }
        try record(change)
        records[change.column ?? ""] = change.stamp
        lastRow = (RowKey(table: table.name, id: change.rowID), records)
        guard let column = change.column else { return true }
        if defersValues {
            if let pending, pending.row != change.rowID || pending.table != table { try flush() }
            if pending == nil { pending = (table, change.rowID, [:]) }
            pending?.values[column] = change.value
        } else {
            let sql =
                "UPDATE \(table.name.quotedDatabaseIdentifier) SET \(column.quotedDatabaseIdentifier) = ? WHERE id = ?"
            try db.cachedStatement(sql: sql).execute(arguments: [change.value, change.rowID])
        }
        return true
    }

    /// Writes the deferred fields of the last row merged, in declaration order so the statement is reused.
    mutating func flush() throws {
        guard let pending else { return }
        self.pending = nil
        var arguments: [DatabaseValue] = []
        var mask = ""
        for column in pending.table.columns {
            guard let value = pending.values[column.name] else {
                mask.append("0")
                continue
            }
            mask.append("1")
            arguments.append(value.databaseValue)
        }
        guard !arguments.isEmpty else { return }
        let key = pending.table.name + ":" + mask
        let statement =
            try updates[key]
            ?? {
                let columns = pending.table.columns.map(\.name).filter { pending.values[$0] != nil }
                let assignments = columns.map { "\($0.quotedDatabaseIdentifier) = ?" }.joined(separator: ", ")
                let made = try db.makeStatement(
                    sql: "UPDATE \(pending.table.name.quotedDatabaseIdentifier) SET \(assignments) WHERE id = ?")
                updates[key] = made
                return made
            }()
        arguments.append(pending.row.databaseValue)
        try statement.execute(arguments: StatementArguments(arguments))
    }

    private mutating func record(_ change: Change) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO crdt_clock (tbl, row_id, col, cl, hlc, replica, seq) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tbl, row_id, col) DO UPDATE
                SET cl = excluded.cl, hlc = excluded.hlc, replica = excluded.replica, seq = excluded.seq
                """)
        try statement.execute(arguments: [
            change.table, change.rowID, change.column ?? "", change.stamp.causalLength,
            change.stamp.time.rawValue, change.stamp.replica.bytes, nextSeq(),
        ])
    }

    /// Moves a row to a newer incarnation: values of older ones are forgotten, and the row appears empty
    /// (odd causal length) or disappears (even).
    /// A row never `seen` here has nothing to forget, which spares a first sync two deletes per row.
    private mutating func reincarnate(_ table: ReplicatedTable, row: String, causalLength: Int64, seen: Bool) throws {
        if let pending, pending.row == row, pending.table == table { try flush() }
        let name = table.name.quotedDatabaseIdentifier
        if causalLength % 2 == 0 {
            try DeletedRows.record(table, row: row, at: now, in: db)
        } else if seen {
            try DeletedRows.forget(table.name, row: row, in: db)
        }
        if seen {
            try db.cachedStatement(sql: "DELETE FROM crdt_clock WHERE tbl = ? AND row_id = ? AND col <> '' AND cl < ?")
                .execute(arguments: [table.name, row, causalLength])
            try db.cachedStatement(sql: "DELETE FROM \(name) WHERE id = ?").execute(arguments: [row])
        }
        if causalLength % 2 == 1 {
            try db.cachedStatement(sql: "INSERT INTO \(name) (id) VALUES (?)").execute(arguments: [row])
        }
    }

    /// A fresh stamp for a local write.
    mutating func localStamp(causalLength: Int64, now: Int64) -> Stamp {
        Stamp(causalLength: causalLength, time: clock.tick(now: now), replica: replica)
    }
}
