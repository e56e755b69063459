/// A column of a replicated table. Every column is nullable in SQLite: fields of one row arrive independently,
/// so "required" is a rule the domain checks, not a constraint the merge could violate. What a value may be
/// (type, vocabulary, size) is its `domain`, checked before anything is stored.
public struct ReplicatedColumn: Hashable, Sendable {
    public enum Affinity: String, Sendable {
        case text = "TEXT"
        case integer = "INTEGER"
        case real = "REAL"
        case blob = "BLOB"
    }

    public let name: String
    public let domain: ValueDomain
    /// The schema version that introduced the column: laptops on an older version never receive its values.
    public let since: Int

    public var affinity: Affinity { domain.affinity }

    public init(_ name: String, _ domain: ValueDomain, since: Int = 1) {
        self.name = name
        self.domain = domain
        self.since = since
    }
}
