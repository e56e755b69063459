/// A series' past, present and next hosts as of one of its events: the host of the event before, the event's own
/// host, and the host of the event after (or, until that event is scheduled, the one the event announced).
public struct Troika: Codable, Sendable, Equatable {
    public var eventSlug: String
    public var eventTitle: String
    public var startsOn: String
    public var past: String?
    public var present: String
    public var next: String?
}
