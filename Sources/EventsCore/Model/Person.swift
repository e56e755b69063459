import GRDB

public struct Person: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var name: String
    public var email: String?
    public var organizationID: String?
    public var country: String?

    public init(row: Row) throws {
        id = row["id"]
        name = row["name"] ?? ""
        email = row["email"]
        organizationID = row["organization_id"]
        country = row["country"]
    }
}
