import GRDB

/// What a deleted row keeps of itself: the last values of its table's `deletionScope` columns (what it belonged
/// to, whom it named), so a reader's right to learn of the deletion can be judged like its right to the row.
public enum DeletedScope {
    /// The remembered values of a deleted row, `nil` when nothing is remembered (the row exists, was never
    /// seen here, or was deleted before deletions were remembered).
    public static func values(of table: String, row: String, in db: Database) throws -> [String: DatabaseValue]? {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT col, value FROM crdt_deleted_scope WHERE tbl = ? AND row_id = ?"), arguments: [table, row])
        guard !rows.isEmpty else { return nil }
        return Dictionary(rows.map { ($0["col"], $0["value"]) }, uniquingKeysWith: { first, _ in first })
    }

    /// Keeps the live row's scope values as it is about to be deleted; a row already gone keeps what it had.
    static func remember(_ table: ReplicatedTable, row: String, in db: Database) throws {
        for column in table.deletionScope {
            try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO crdt_deleted_scope (tbl, row_id, col, value)
                    SELECT ?, id, ?, \(column.quotedDatabaseIdentifier) FROM \(table.name.quotedDatabaseIdentifier) WHERE id = ?
                    """
            ).execute(arguments: [table.name, column, row])
        }
    }

    static func forget(_ table: String, row: String, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM crdt_deleted_scope WHERE tbl = ? AND row_id = ?").execute(arguments: [table, row])
    }
}
