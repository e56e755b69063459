import GRDB

/// An invitation to a whole event (`sessionID == nil`) or to one session.
public struct Invitation: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var eventID: String
    public var sessionID: String?
    public var personID: String
    public var invitedBy: String?

    public init(row: Row) throws {
        id = row["id"]
        eventID = row["event_id"] ?? ""
        sessionID = row["session_id"]
        personID = row["person_id"] ?? ""
        invitedBy = row["invited_by"]
    }
}
