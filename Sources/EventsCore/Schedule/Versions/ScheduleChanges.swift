/// What changed in an event's programme since a published version: measured against version `since` (0: the
/// empty programme), up to the current state, unpublished edits included.
public struct ScheduleChanges: Codable, Sendable, Equatable {
    /// The event's slug and time zone, in which the changes tell times.
    public var event: String
    public var timeZone: String
    public var since: Int
    /// The latest published version's number, 0 before the first.
    public var latest: Int
    public var changes: [ScheduleChange]
}
