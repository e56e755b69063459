import GRDB

/// An attendee's answer for a session (`response`, theirs) and the daemon's decision on it (`decision`:
/// confirmed, waitlisted or refused, with a reason), which only the daemon writes.
public struct RSVP: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var sessionID: String
    public var personID: String
    public var response: String
    public var substituteID: String?
    public var decision: String?
    public var decisionReason: String?
    public var respondedAt: String?

    public init(row: Row) throws {
        id = row["id"]
        sessionID = row["session_id"] ?? ""
        personID = row["person_id"] ?? ""
        response = row["response"] ?? ""
        substituteID = row["substitute_id"]
        decision = row["decision"]
        decisionReason = row["decision_reason"]
        respondedAt = row["responded_at"]
    }
}
