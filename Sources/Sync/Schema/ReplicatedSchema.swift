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

    /// The daemon accepts the current version and the one before it.
    public func accepts(version candidate: Int) -> Bool {
        candidate == version || candidate == version - 1
    }
}
