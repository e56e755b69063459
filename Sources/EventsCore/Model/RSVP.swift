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
        let fields = StoredRow(row, table: "rsvps")
        id = try fields.id
        sessionID = try fields.value("session_id") ?? ""
        personID = try fields.value("person_id") ?? ""
        response = try fields.value("response") ?? ""
        substituteID = try fields.value("substitute_id")
        decision = try fields.value("decision")
        decisionReason = try fields.value("decision_reason")
        respondedAt = try fields.value("responded_at")
    }
}
