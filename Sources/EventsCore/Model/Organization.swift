import GRDB

/// A government, city, international organisation, civil-society body, company, union or university.
public struct Organization: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var name: String
    public var kind: String
    public var country: String?
    /// For governments: developed or developing, which GFMD roundtable co-chairs must pair.
    public var developmentStatus: String?

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.organizations.name)
        id = try fields.id
        name = try fields.value(.name) ?? ""
        kind = try fields.value(.kind) ?? ""
        country = try fields.value(.country)
        developmentStatus = try fields.value(.developmentStatus)
    }
}
