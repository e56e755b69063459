/// A table whose rows are replicated: a text primary key `id` plus declared columns, each a last-writer-wins
/// register.
public struct ReplicatedTable: Hashable, Sendable {
    public let name: String
    public let columns: [ReplicatedColumn]
    /// Columns that get an index in every replica, for the queries the domain runs.
    public let indexed: [String]

    public init(_ name: String, columns: [ReplicatedColumn], indexed: [String] = []) {
        self.name = name
        self.columns = columns
        self.indexed = indexed
    }

    public func column(named name: String) -> ReplicatedColumn? {
        columns.first { $0.name == name }
    }
}
