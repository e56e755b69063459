import GRDB

/// A person's signature of a declaration, optionally with a reservation, understanding or declaration: made by
/// an account (named, counted at once), or through the public form (public, pending an organizer's decision).
public struct Signature: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var declarationID: String
    public var personID: String
    /// The reservation's text, where given.
    public var reservation: String?
    public var signedAt: String?
    public var status: SignatureStatus
    public var signatoryList: SignatoryList
    /// Whether the signatory made a reservation, understanding or declaration, its text given or not.
    public var reserves: Bool
    /// How to reach a public signatory, where they gave it; organizers alone read it.
    public var contactEmail: String?

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.signatures.name)
        id = try fields.id
        declarationID = try fields.value(.declarationID) ?? ""
        personID = try fields.value(.personID) ?? ""
        reservation = try fields.value(.reservation)
        signedAt = try fields.value(.signedAt)
        status = try fields.word(.status) ?? .approved
        signatoryList = try fields.word(.signatoryList) ?? .named
        reserves = (try fields.value(.reserves) ?? false) || reservation != nil
        contactEmail = try fields.value(.contactEmail)
    }
}
