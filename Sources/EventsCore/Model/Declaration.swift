import GRDB

/// A text participants sign, such as the Private Sector Summit's Call to Action.
public struct Declaration: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var eventID: String
    public var title: String
    public var text: String?

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.declarations.name)
        id = try fields.id
        eventID = try fields.value(.eventID) ?? ""
        title = try fields.value(.title) ?? ""
        text = try fields.value(.text)
    }
}
