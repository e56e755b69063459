/// A table whose rows are replicated: a text primary key `id` plus declared columns, each a last-writer-wins
/// register.
public struct ReplicatedTable: Hashable, Sendable {
    public let name: String
    public let columns: [ReplicatedColumn]
    /// Columns that get an index in every replica, for the queries the domain runs.
    public let indexed: [String]
    /// Lists of columns that get one index each, for the queries that filter on them together.
    public let indexedTogether: [[String]]
    /// Columns whose last values a deleted row keeps (what it belonged to, whom it named), so the domain can
    /// still judge who may learn of the deletion.
    public let deletionScope: [String]
    /// The schema version that introduced the table: laptops on an older version never receive its rows.
    public let since: Int
    /// A row created in this table ends a laptop's push batch: the daemon's follow-ups for it (a number, a record
    /// of the state) see what the laptop wrote before it and nothing written after.
    public let closesPushBatch: Bool

    public init(
        _ name: String, columns: [ReplicatedColumn], indexed: [String] = [], indexedTogether: [[String]] = [],
        deletionScope: [String] = [], since: Int = 1, closesPushBatch: Bool = false
    ) {
        self.name = name
        self.columns = columns
        self.indexed = indexed
        self.indexedTogether = indexedTogether
        self.deletionScope = deletionScope
        self.since = since
        self.closesPushBatch = closesPushBatch
    }

    public func column(named name: String) -> ReplicatedColumn? {
        columns.first { $0.name == name }
    }

    /// The table as a laptop on schema `version` declares it: without the columns added since, which its
    /// deletions cannot keep either.
    func asOf(version: Int) -> ReplicatedTable {
        let known = columns.filter { $0.since <= version }
        return ReplicatedTable(
            name, columns: known, indexed: indexed, indexedTogether: indexedTogether,
            deletionScope: deletionScope.filter { scope in known.contains { $0.name == scope } }, since: since,
            closesPushBatch: closesPushBatch)
    }
}
