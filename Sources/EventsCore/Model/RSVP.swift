import GRDB

/// An attendee's answer for a session (`response`, theirs) and the daemon's decision on it (`decision`, with
/// a reason in words and, when waitlisted, the place in the queue), which only the daemon writes.
public struct RSVP: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var sessionID: String
    public var personID: String
    /// A row whose answer has not arrived reads as declined: it holds no seat.
    public var response: RSVPResponse
    public var substituteID: String?
    public var decision: SeatDecision?
    public var decisionReason: String?
    /// 1 for the next in line; set only while waitlisted.
    public var waitlistPosition: Int?
    public var respondedAt: String?

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.rsvps.name)
        id = try fields.id
        sessionID = try fields.value(.sessionID) ?? ""
        personID = try fields.value(.personID) ?? ""
        response = try fields.word(.response) ?? .declined
        substituteID = try fields.value(.substituteID)
        decision = try fields.word(.decision)
        decisionReason = try fields.value(.decisionReason)
        waitlistPosition = try fields.value(.waitlistPosition)
        respondedAt = try fields.value(.respondedAt)
    }
}
