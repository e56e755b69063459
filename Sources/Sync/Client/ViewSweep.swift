import GRDB

/// How a laptop forgets what left its view. When the daemon answers a pull with another view than the one the
/// laptop pulled under (its rights narrowed or widened: a seat lost, an invitation revoked, a role taken), the
/// daemon starts the walk over; the laptop notes every record the new walk brings (`sync_sweep`), and when the
/// walk is complete removes every row and field it was not sent — locally, creating no change of its own, so
/// nothing is pushed back and the daemon's rows are untouched. Changes of its own not yet pushed are kept.
enum ViewSweep {
    /// Starts noting the records of a new walk.
    static func begin(in db: Database) throws {
        try db.execute(sql: "DELETE FROM sync_sweep")
        try db.execute(sql: "UPDATE sync_client SET sweeping = 1")
    }

    static func isSweeping(in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT sweeping FROM sync_client") ?? false
    }

    static func note(_ changes: [Change], in db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO sync_sweep (tbl, row_id, col) VALUES (?, ?, ?)")
        for change in changes { try statement.execute(arguments: [change.table, change.rowID, change.column ?? ""]) }
    }

    /// The walk is complete: removes what it did not bring, then forgets the notes. Returns how many records
    /// were removed.
    static func finish(_ schema: ReplicatedSchema, replica: ReplicaID, in db: Database) throws -> Int {
        let pushed = try Int64.fetchOne(db, sql: "SELECT pushed_seq FROM sync_client") ?? 0
        // The records of `c.tbl = ?` the walk did not bring, except this laptop's own changes not yet pushed.
        let missing = """
            FROM crdt_clock c WHERE c.tbl = ? AND NOT (c.replica = ? AND c.seq > ?)
            AND NOT EXISTS (SELECT 1 FROM sync_sweep w WHERE w.tbl = c.tbl AND w.row_id = c.row_id AND w.col = c.col)
            """
        var removed = 0
        for table in schema.tables {
            let name = table.name.quotedDatabaseIdentifier
            let arguments: StatementArguments = [table.name, replica.bytes, pushed]
            let rows = try String.fetchAll(db, sql: "SELECT c.row_id \(missing) AND c.col = ''", arguments: arguments)
            for row in rows {
                try db.execute(sql: "DELETE FROM \(name) WHERE id = ?", arguments: [row])
                try db.execute(
                    sql: "DELETE FROM crdt_clock WHERE tbl = ? AND row_id = ?", arguments: [table.name, row])
                try db.execute(
                    sql: "DELETE FROM crdt_deletions WHERE tbl = ? AND row_id = ?", arguments: [table.name, row])
            }
            let fields = try Row.fetchAll(
                db, sql: "SELECT c.row_id, c.col \(missing) AND c.col <> ''", arguments: arguments)
            for field in fields {
                let column: String = field["col"]
                guard table.column(named: column) != nil else { continue }
                try db.execute(
                    sql: "UPDATE \(name) SET \(column.quotedDatabaseIdentifier) = NULL WHERE id = ?",
                    arguments: [field["row_id"]])
                try db.execute(
                    sql: "DELETE FROM crdt_clock WHERE tbl = ? AND row_id = ? AND col = ?",
                    arguments: [table.name, field["row_id"], column])
            }
            removed += rows.count + fields.count
        }
        try db.execute(sql: "DELETE FROM sync_sweep")
        try db.execute(sql: "UPDATE sync_client SET sweeping = 0")
        return removed
    }
}
