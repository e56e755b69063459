import GRDB

/// An organization's term on a body, from and to a date where known.
public struct BodyMember: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var bodyID: String
    public var organizationID: String
    public var startsOn: String?
    public var endsOn: String?

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.bodyMembers.name)
        id = try fields.id
        bodyID = try fields.value(.bodyID) ?? ""
        organizationID = try fields.value(.organizationID) ?? ""
        startsOn = try fields.value(.startsOn)
        endsOn = try fields.value(.endsOn)
    }
}
