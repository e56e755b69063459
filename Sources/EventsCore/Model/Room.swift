import GRDB

/// A room of an event's venue, with its seats.
public struct Room: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var eventID: String
    public var name: String
    public var capacity: Int?

    public init(row: Row) throws {
        id = row["id"]
        eventID = row["event_id"] ?? ""
        name = row["name"] ?? ""
        capacity = row["capacity"]
    }
}
