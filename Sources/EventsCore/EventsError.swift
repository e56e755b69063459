/// A request the domain refuses, in words for the person who made it.
public enum EventsError: Error, Equatable, Sendable, CustomStringConvertible {
    case eventNotFound(String)
    case sessionNotFound(String)
    case invalidTime(String)
    /// A local time a clock shows twice (the repeated hour when clocks go back): the offset must be given.
    case ambiguousLocalTime(String, zone: String, offsets: [String])
    /// A local time a clock never shows (the hour skipped when clocks go forward).
    case skippedLocalTime(String, zone: String)
    case endsBeforeStart(start: String, end: String)
    case emptyTitle
    case unknownTimeZone(String)
    case invalidSeed(file: String, reason: String)
    case unknownWord(field: String, given: String, allowed: [String])
    case notFound(kind: String, key: String)
    case invalidCapacity(Int)
    case outsideEvent(session: String, starts: String, ends: String)
    case roomBusy(room: String, with: String)
    case personBusy(person: String, with: String)
    case substituteIsSelf
    case duplicate(kind: String, key: String)
    /// The row is still referenced; what refers to it is named.
    case inUse(kind: String, key: String, by: String)
    case unchangeable(field: String, kind: String)
    case invalid(String)
    /// A stored value that cannot be read as its column's type (written before values were checked).
    case unreadableRow(table: String, id: String, column: String)

    public var description: String {
        switch self {
        case .eventNotFound(let slug):
            "No event '\(slug)' in this replica (run 'eventsctl events list', or 'eventsctl sync' to fetch events)."
        case .sessionNotFound(let id):
            "No session \(id) (run 'eventsctl sessions list --event SLUG' to see the ids)."
        case .invalidTime(let text):
            "'\(text)' is not a time; use ISO 8601 such as 2017-09-18T09:00 (event time) or 2017-09-18T13:00:00Z."
        case .ambiguousLocalTime(let text, let zone, let offsets):
            "\(text) happens twice in \(zone) (clocks go back then); say which with its offset: \(offsets.map { text + $0 }.joined(separator: " or "))."
        case .skippedLocalTime(let text, let zone):
            "\(text) does not exist in \(zone) (clocks go forward then); choose another time."
        case .endsBeforeStart(let start, let end):
            "The session would end (\(end)) before it starts (\(start))."
        case .emptyTitle:
            "A session needs a title."
        case .unknownTimeZone(let name):
            "'\(name)' is not an IANA time zone (such as America/New_York)."
        case .unknownWord(let field, let given, let allowed):
            "'\(given)' is not a known \(field); use one of: \(allowed.joined(separator: ", "))."
        case .notFound(let kind, let key):
            "No \(kind) '\(key)' in this replica."
        case .invalidCapacity(let capacity):
            "A capacity must be a positive number of seats, not \(capacity)."
        case .outsideEvent(let session, let starts, let ends):
            "'\(session)' must lie within the event's dates (\(starts) to \(ends))."
        case .roomBusy(let room, let other):
            "\(room) is already booked then for '\(other)'."
        case .personBusy(let person, let other):
            "\(person) is already on '\(other)' at that time."
        case .substituteIsSelf:
            "A substitute must be a different person."
        case .duplicate(let kind, let key):
            "A \(kind) '\(key)' already exists."
        case .inUse(let kind, let key, let users):
            "The \(kind) '\(key)' is still used by \(users); remove those first."
        case .unchangeable(let field, let kind):
            "A \(kind)'s \(field) identifies it and cannot change; create a new \(kind) instead."
        case .invalid(let detail):
            detail
        case .unreadableRow(let table, let id, let column):
            "The stored \(table.singularNoun) \(id) has an unreadable \(column); an administrator lists such rows with "
                + "'eventsd admin check' to repair them."
        case .invalidSeed(let file, let reason):
            "Seed file \(file) cannot be loaded: \(reason)."
        }
    }
}
