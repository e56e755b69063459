import Foundation
import GRDB

/// A scheduled part of an event, with start and end as UTC instants.
public struct Session: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var eventID: String
    public var title: String
    public var format: SessionFormat
    public var startsAt: Date
    public var endsAt: Date
    /// The room's name as shown; `roomID` is the room row it names, if the event declares it (seats follow it).
    public var room: String?
    public var roomID: String?
    public var status: SessionStatus
    public var segmentID: String?
    public var joinURL: String?
    public var recordingURL: String?
    public var capacity: Int?
    public var invitationOnly: Bool
    public var description: String?
    /// The iCalendar SEQUENCE: raised by every change of time, place or status, and replicated like any field.
    public var sequence: Int
    /// Held under the Chatham House Rule: who chairs and speaks is told to its participants only.
    public var chathamHouse: Bool
    /// The minutes each statement on its list of speakers takes; `nil` for the default.
    public var statementMinutes: Int?
    /// Set by API reads: the session needs a seat, so its join link reaches only those who hold one.
    public var joinRequiresSeat: Bool?

    public var isCancelled: Bool { status == .cancelled }

    /// What every export says of a session under the Chatham House Rule.
    public static let chathamHouseNotice =
        "Held under the Chatham House Rule: what is said may be used, but not who said it or who took part."

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.sessions.name)
        id = try fields.id
        eventID = try fields.value(.eventID) ?? ""
        title = try fields.value(.title) ?? ""
        format = try fields.word(.format) ?? .plenary
        startsAt = try Instant.parse(fields.value(.startsAt) ?? "") ?? .distantPast
        endsAt = try Instant.parse(fields.value(.endsAt) ?? "") ?? .distantPast
        room = try fields.value(.room)
        roomID = try fields.value(.roomID)
        status = try fields.word(.status) ?? .scheduled
        segmentID = try fields.value(.segmentID)
        joinURL = try fields.value(.joinURL)
        recordingURL = try fields.value(.recordingURL)
        capacity = try fields.value(.capacity)
        invitationOnly = try fields.value(.invitationOnly) ?? false
        description = try fields.value(.description)
        sequence = try fields.value(.sequence) ?? 0
        chathamHouse = try fields.value(.chathamHouse) ?? false
        statementMinutes = try fields.value(.statementMinutes)
    }
}
