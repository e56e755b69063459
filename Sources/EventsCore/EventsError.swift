/// A request the domain refuses, in words for the person who made it.
public enum EventsError: Error, Equatable, Sendable, CustomStringConvertible {
    case eventNotFound(String)
    case sessionNotFound(String)
    case invalidTime(String)
    case endsBeforeStart(start: String, end: String)
    case emptyTitle
    case unknownTimeZone(String)
    case invalidSeed(file: String, reason: String)

    public var description: String {
        switch self {
        case .eventNotFound(let slug):
            "No event '\(slug)' in this replica (run 'eventsctl events list', or 'eventsctl sync' to fetch events)."
        case .sessionNotFound(let id):
            "No session \(id) (run 'eventsctl sessions list --event SLUG' to see the ids)."
        case .invalidTime(let text):
            "'\(text)' is not a time; use ISO 8601 such as 2017-09-18T09:00 (event time) or 2017-09-18T13:00:00Z."
        case .endsBeforeStart(let start, let end):
            "The session would end (\(end)) before it starts (\(start))."
        case .emptyTitle:
            "A session needs a title."
        case .unknownTimeZone(let name):
            "'\(name)' is not an IANA time zone (such as America/New_York)."
        case .invalidSeed(let file, let reason):
            "Seed file \(file) cannot be loaded: \(reason)."
        }
    }
}
