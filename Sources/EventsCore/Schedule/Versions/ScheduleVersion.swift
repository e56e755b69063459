import GRDB

/// A published version of an event's programme. An organizer asks for it (`note`, `requestedAt`), online or
/// offline; the daemon gives it the next number when it applies the request and records what attendees saw
/// then (`hash` of the content). Until then the laptop shows it as pending.
public struct ScheduleVersion: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var eventID: String
    /// 1, 2, …: in the order the daemon applied the publications; `nil` while pending.
    public var number: Int?
    public var note: String?
    public var requestedAt: String?
    public var publishedAt: String?
    /// The publishing organizer's name.
    public var publishedBy: String?
    public var hash: String?

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.scheduleVersions.name)
        id = try fields.id
        eventID = try fields.value(.eventID) ?? ""
        number = try fields.value(.number)
        note = try fields.value(.note)
        requestedAt = try fields.value(.requestedAt)
        publishedAt = try fields.value(.publishedAt)
        publishedBy = try fields.value(.publishedBy)
        hash = try fields.value(.hash)
    }

    /// The format's `<version>`: the number with its note, `0` before the first publication.
    public static func label(of latest: ScheduleVersion?) -> String {
        guard let latest, let number = latest.number else { return "0" }
        return latest.note.map { "\(number): \($0)" } ?? "\(number)"
    }
}
