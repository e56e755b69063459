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
        id = row["id"]
        name = row["name"] ?? ""
        kind = row["kind"] ?? ""
        country = row["country"]
        developmentStatus = row["development_status"]
    }
}
