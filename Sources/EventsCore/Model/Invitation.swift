import GRDB

/// An invitation to a whole event (`sessionID == nil`) or to one session.
public struct Invitation: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var eventID: String
    public var sessionID: String?
    public var personID: String
    public var invitedBy: String?

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.invitations.name)
        id = try fields.id
        eventID = try fields.value(.eventID) ?? ""
        sessionID = try fields.value(.sessionID)
        personID = try fields.value(.personID) ?? ""
        invitedBy = try fields.value(.invitedBy)
    }
}
