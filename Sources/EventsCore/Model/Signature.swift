import GRDB

/// A person's signature of a declaration, optionally with a reservation, understanding or declaration.
public struct Signature: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var declarationID: String
    public var personID: String
    public var reservation: String?
    public var signedAt: String?

    public init(row: Row) throws {
        id = row["id"]
        declarationID = row["declaration_id"] ?? ""
        personID = row["person_id"] ?? ""
        reservation = row["reservation"]
        signedAt = row["signed_at"]
    }
}
