import GRDB

/// A part of an event: the Civil Society Days, the government meeting, the Common Space.
public struct Segment: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var eventID: String
    public var name: String
    public var startsOn: String?
    public var endsOn: String?

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.segments.name)
        id = try fields.id
        eventID = try fields.value(.eventID) ?? ""
        name = try fields.value(.name) ?? ""
        startsOn = try fields.value(.startsOn)
        endsOn = try fields.value(.endsOn)
    }
}
