import GRDB

public struct Person: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var name: String
    public var email: String?
    public var organizationID: String?
    public var country: String?
    /// A person's title and institution as they give it ("Professor of Law, Duke University School of Law").
    public var affiliation: String?

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.people.name)
        id = try fields.id
        name = try fields.value(.name) ?? ""
        email = try fields.value(.email)
        organizationID = try fields.value(.organizationID)
        country = try fields.value(.country)
        affiliation = try fields.value(.affiliation)
    }
}
