/// What an import did: rows created, rows whose details changed, rows already as the file says, and rows
/// skipped with their line and reason.
public struct ImportReport: Sendable, Equatable {
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    public var skipped: [String] = []

    public init() {}
}
