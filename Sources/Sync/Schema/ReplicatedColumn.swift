/// A column of a replicated table. Every column is nullable in SQLite: fields of one row arrive independently,
/// so "required" is a rule the domain checks, not a constraint the merge could violate.
public struct ReplicatedColumn: Hashable, Sendable {
    public enum Affinity: String, Sendable {
        case text = "TEXT"
        case integer = "INTEGER"
        case real = "REAL"
        case blob = "BLOB"
    }

    public let name: String
    public let affinity: Affinity

    public init(_ name: String, _ affinity: Affinity) {
        self.name = name
        self.affinity = affinity
    }
}
