import GRDB

/// A text participants sign, such as the Private Sector Summit's Call to Action.
public struct Declaration: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var eventID: String
    public var title: String
    public var text: String?

    public init(row: Row) throws {
        id = row["id"]
        eventID = row["event_id"] ?? ""
        title = row["title"] ?? ""
        text = row["text"]
    }
}

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
