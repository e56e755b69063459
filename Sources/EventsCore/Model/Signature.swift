import GRDB

/// A person's signature of a declaration, optionally with a reservation, understanding or declaration.
public struct Signature: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var declarationID: String
    public var personID: String
    public var reservation: String?
    public var signedAt: String?

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.signatures.name)
        id = try fields.id
        declarationID = try fields.value(.declarationID) ?? ""
        personID = try fields.value(.personID) ?? ""
        reservation = try fields.value(.reservation)
        signedAt = try fields.value(.signedAt)
    }
}
