import GRDB

/// A government, city, international organisation, civil-society body, company, union or university.
public struct Organization: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var name: String
    public var kind: OrganizationKind
    public var country: String?
    /// For governments: developed or developing, which GFMD roundtable co-chairs must pair.
    public var developmentStatus: DevelopmentStatus?

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.organizations.name)
        id = try fields.id
        name = try fields.value(.name) ?? ""
        kind = try fields.word(.kind) ?? .company
        country = try fields.value(.country)
        developmentStatus = try fields.word(.developmentStatus)
    }
}
