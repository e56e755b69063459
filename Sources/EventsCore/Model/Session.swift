import Foundation
import GRDB

/// A scheduled part of an event, with start and end as UTC instants.
public struct Session: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var eventID: String
    public var title: String
    public var format: String
    public var startsAt: Date
    public var endsAt: Date
    public var room: String?
    public var status: String
    public var segmentID: String?
    public var joinURL: String?
    public var recordingURL: String?
    public var capacity: Int?
    public var invitationOnly: Bool
    public var description: String?
    /// The iCalendar SEQUENCE: raised by every change of time, place or status, and replicated like any field.
    public var sequence: Int

    public var isCancelled: Bool { status == SessionStatus.cancelled.rawValue }

    public init(row: Row) throws {
        id = row["id"]
        eventID = row["event_id"] ?? ""
        title = row["title"] ?? ""
        format = row["format"] ?? "plenary"
        startsAt = Instant.parse(row["starts_at"] ?? "") ?? .distantPast
        endsAt = Instant.parse(row["ends_at"] ?? "") ?? .distantPast
        room = row["room"]
        status = row["status"] ?? "scheduled"
        segmentID = row["segment_id"]
        joinURL = row["join_url"]
        recordingURL = row["recording_url"]
        capacity = row["capacity"]
        invitationOnly = row["invitation_only"] ?? false
        description = row["description"]
        sequence = row["sequence"] ?? 0
    }
}
