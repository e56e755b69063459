import GRDB

/// What a replica keeps of each deleted row: when it applied the deletion, by its own clock (so a pushed stamp
/// cannot age a tombstone), and the last values of its table's `deletionScope` columns (what it belonged to,
/// whom it named), so a reader's right to learn of the deletion can be judged like its right to the row.
public enum DeletedRows {
    /// Whether the row is deleted and kept its scope here (it was seen alive before its deletion).
    public static func remembersScope(of table: String, row: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT scope IS NOT NULL FROM crdt_deletions WHERE tbl = ? AND row_id = ?"),
            arguments: [table, row])
            ?? false
    }

    /// The ids of the table's rows deleted here whose deletion the replica still remembers (rows that merely left
    /// a laptop's view are forgotten whole, and are not among them).
    public static func rows(of table: String, in db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT row_id FROM crdt_deletions WHERE tbl = ?", arguments: [table]))
    }

    /// A value the deleted row kept of itself, `nil` if none.
    public static func scopeValue<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        of table: String, row: String, column: String, in db: Database
    ) throws -> Value? {
        try Value.fetchOne(
            db.cachedStatement(
                sql: "SELECT json_extract(scope, '$.' || ?) FROM crdt_deletions WHERE tbl = ? AND row_id = ?"),
            arguments: [column, table, row])
    }

    /// Records the deletion of a row at `now` (Unix milliseconds); a row alive here keeps its scope values.
    static func record(_ table: ReplicatedTable, row: String, at now: Int64, in db: Database) throws {
        let scope =
            table.deletionScope.isEmpty
            ? "'{}'"
            : "json_object(\(table.deletionScope.map { "'\($0)', \($0.quotedDatabaseIdentifier)" }.joined(separator: ", ")))"
        try db.cachedStatement(
            sql: """
                INSERT INTO crdt_deletions (tbl, row_id, deleted_at, scope)
                VALUES (?, ?, ?, (SELECT \(scope) FROM \(table.name.quotedDatabaseIdentifier) WHERE id = ?))
                ON CONFLICT (tbl, row_id) DO UPDATE SET deleted_at = excluded.deleted_at, scope = coalesce(excluded.scope, scope)
                """
        ).execute(arguments: [table.name, row, now, row])
    }

    /// Forgets a row's deletion: it was re-created, or its tombstone collected.
    static func forget(_ table: String, row: String, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM crdt_deletions WHERE tbl = ? AND row_id = ?").execute(arguments: [
            table, row,
        ])
    }
}
