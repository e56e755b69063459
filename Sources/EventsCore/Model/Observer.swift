import GRDB

/// An organization observing an event.
public struct Observer: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var eventID: String
    public var organizationID: String

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.observers.name)
        id = try fields.id
        eventID = try fields.value(.eventID) ?? ""
        organizationID = try fields.value(.organizationID) ?? ""
    }
}
