import GRDB

/// What a judge may know about other rows while judging one: the daemon's committed state, or rows of the same
/// write already judged and accepted; never what the write proposes for rows not yet judged.
public struct Facts {
    public let db: Database
    let schema: ReplicatedSchema
    /// Rows the write touched that are not judged yet, as they were before it.
    let unjudged: UnjudgedRows

    /// The row as the judge may know it, `nil` when it does not exist.
    public func row(_ table: String, _ id: String) throws -> RowState? {
        if let before = unjudged.rows[RowKey(table: table, id: id)] { return before }
        guard let declared = schema.table(named: table) else { return nil }
        return try RowState.read(declared, id: id, in: db)
    }

    public func value(_ table: String, _ id: String, _ column: String) throws -> SyncValue? {
        try row(table, id)?[column]
    }

    /// How many live rows of `table` have `column` equal to `value`, as the judge may know them.
    public func count(_ table: String, where column: String, is value: String) throws -> Int {
        guard let declared = schema.table(named: table), declared.column(named: column) != nil else { return 0 }
        let sql = "SELECT id FROM \(table.quotedDatabaseIdentifier) WHERE \(column.quotedDatabaseIdentifier) = ?"
        let stored = try String.fetchAll(db.cachedStatement(sql: sql), arguments: [value])
        let known = stored.filter { unjudged.rows[RowKey(table: table, id: $0)] == nil }.count
        return known + unjudged.rows.filter { $0.key.table == table && $0.value?[column] == .text(value) }.count
    }
}
