import GRDB

/// A part of an event: the Civil Society Days, the government meeting, the Common Space.
public struct Segment: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var eventID: String
    public var name: String
    public var startsOn: String?
    public var endsOn: String?

    public init(row: Row) throws {
        id = row["id"]
        eventID = row["event_id"] ?? ""
        name = row["name"] ?? ""
        startsOn = row["starts_on"]
        endsOn = row["ends_on"]
    }
}
