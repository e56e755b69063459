import GRDB

/// A live row as the daemon holds it: its incarnation (causal length) and its fields.
public struct RowState: Equatable, Sendable {
    public let causalLength: Int64
    public let values: [String: SyncValue]

    public subscript(column: String) -> SyncValue { values[column] ?? .null }

    public func text(_ column: String) -> String? { self[column].text }

    /// The row as stored now, `nil` when it does not exist (never created, or deleted).
    static func read(_ table: ReplicatedTable, id: String, in db: Database) throws -> RowState? {
        let name = table.name.quotedDatabaseIdentifier
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(name) WHERE id = ?"), arguments: [id])
        else {
            return nil
        }
        let causalLength =
            try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT max(cl) FROM crdt_clock WHERE tbl = ? AND row_id = ?"),
                arguments: [table.name, id]) ?? 1
        var values: [String: SyncValue] = [:]
        for column in table.columns {
            values[column.name] = SyncValue.fromDatabaseValue(row[column.name] ?? .null) ?? .null
        }
        return RowState(causalLength: causalLength, values: values)
    }
}
