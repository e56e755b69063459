/// One thing that changed in a session between two states of a programme, told in the event's time zone:
/// `before` and `after` are what a reader saw and sees (absent for what did not exist).
public struct ScheduleChange: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
        case added, cancelled, reinstated, moved, room, retitled, people
    }

    /// The event's slug.
    public var event: String
    public var sessionID: String
    public var title: String
    public var kind: Kind
    public var before: String?
    public var after: String?

    public init(event: String, sessionID: String, title: String, kind: Kind, before: String?, after: String?) {
        self.event = event
        self.sessionID = sessionID
        self.title = title
        self.kind = kind
        self.before = before
        self.after = after
    }
}
