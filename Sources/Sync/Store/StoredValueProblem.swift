import GRDB

/// A value already stored that its column's domain would not admit now (written before values were checked,
/// or by hand): found by `Replica.storedValueProblems()` so an operator can repair the row.
public struct StoredValueProblem: Hashable, Sendable, CustomStringConvertible {
    public let table: String
    public let rowID: String
    public let column: String
    /// Why the value is not admitted; `nil` when it is admitted only once cleaned.
    public let problem: ValueProblem?

    public var description: String {
        "\(table) \(rowID) \(column): \(problem?.description ?? "holds control characters or surrounding spaces")"
    }
}

extension Replica {
    /// Every stored value that breaks its column's declaration, table by table in schema order.
    public func storedValueProblems() throws -> [StoredValueProblem] {
        try read { db in
            var found: [StoredValueProblem] = []
            for table in schema.tables {
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT * FROM \(table.name.quotedDatabaseIdentifier) ORDER BY id")
                while let row = try rows.next() {
                    let id = String.fromDatabaseValue(row["id"] ?? .null) ?? "?"
                    for column in table.columns {
                        let stored = SyncValue.fromDatabaseValue(row[column.name] ?? .null) ?? .null
                        do throws(ValueProblem) {
                            if try column.domain.admit(stored) != stored {
                                found.append(
                                    StoredValueProblem(table: table.name, rowID: id, column: column.name, problem: nil))
                            }
                        } catch {
                            found.append(
                                StoredValueProblem(table: table.name, rowID: id, column: column.name, problem: error))
                        }
                    }
                }
            }
            return found
        }
    }
}
