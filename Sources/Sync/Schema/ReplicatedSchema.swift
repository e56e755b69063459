/// The replicated tables of an application and the version of that declaration, which travels with every
/// batch so the daemon can refuse laptops too old to understand.
public struct ReplicatedSchema: Sendable {
    public let version: Int
    public let tables: [ReplicatedTable]
    private let tablesByName: [String: ReplicatedTable]

    public init(version: Int, tables: [ReplicatedTable]) {
        self.version = version
        self.tables = tables
        tablesByName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
    }

    public func table(named name: String) -> ReplicatedTable? {
        tablesByName[name]
    }

    /// The schema as a laptop on an earlier `version` declares it: without the tables and columns introduced since.
    public func asOf(version earlier: Int) -> ReplicatedSchema {
        ReplicatedSchema(
            version: earlier, tables: tables.filter { $0.since <= earlier }.map { $0.asOf(version: earlier) })
    }

    /// Whether a laptop on schema `version` knows the change's table and column.
    func knows(_ change: Change, atVersion version: Int) -> Bool {
        guard version < self.version else { return true }
        guard let table = table(named: change.table), table.since <= version else { return false }
        guard let column = change.column else { return true }
        return (table.column(named: column)?.since ?? 1) <= version
    }

    /// The daemon accepts the current version and the one before it.
    public func accepts(version candidate: Int) -> Bool {
        candidate == version || candidate == version - 1
    }
}
