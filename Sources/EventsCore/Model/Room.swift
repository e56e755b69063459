import GRDB

/// A room of an event's venue, with its seats.
public struct Room: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var eventID: String
    public var name: String
    public var capacity: Int?

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.rooms.name)
        id = try fields.id
        eventID = try fields.value(.eventID) ?? ""
        name = try fields.value(.name) ?? ""
        capacity = try fields.value(.capacity)
    }
}
