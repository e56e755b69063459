import GRDB

/// A person who may log in to the daemon.
public struct Account: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var email: String
    public var name: String
    public var isAdmin: Bool

    public init(row: Row) throws {
        id = row[EventsColumn.id]
        email = row[EventsColumn.email]
        name = row[EventsColumn.name]
        isAdmin = row["is_admin"]
    }
}
