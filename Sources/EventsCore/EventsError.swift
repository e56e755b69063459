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
    /// An event whose last day comes before its first.
    case datesReversed(startsOn: String, endsOn: String)
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
    /// Only an answer of `declined` may be given for a cancelled session.
    case sessionCancelled(title: String)
    /// A delegation names no substitute.
    case substituteMissing
    /// A substitute is named for an answer other than a delegation.
    case substituteWithoutDelegation
    case invalidPosition(Int)
    /// A development status is given to an organization that is not a government.
    case notAGovernment(organization: String, kind: OrganizationKind)
    case unreadableCSV(line: Int, reason: String)
    /// A CSV file whose header names no `name` column.
    case csvWithoutNames
    /// An import that imported nothing because some rows are invalid; each problem names its line.
    case invalidRows([String])
    case sessionOfAnotherEvent(session: String, event: String)
    case invalidEmail(String)
    case invalidSlug(String)
    case emptyField(String)
    /// A text longer than its field holds, counted in Unicode code points as given.
    case tooLong(String, max: Int)
    case invalidLink(String)
    case invalidSessionID(String)
    /// A write on someone's behalf that names nobody, by a caller who is nobody.
    case personMissing
    /// A version records the programme as attendees see it: an event with none (neither published nor by
    /// invitation) has nothing to publish yet.
    case eventWithoutAudience(String)
    case invalidStatementMinutes(Int)
    /// A stored value that cannot be read as its column's type (written before values were checked).
    case unreadableRow(table: String, id: String, column: String)
    /// A body's name found in several series: the series must be named.
    case ambiguousBody(name: String, series: [String])
    /// A declaration not open to public signature (or not published).
    case notOpenForSignature(String)
    /// A public signature already approved or rejected: the decision stands (which one is not told).
    case signatureDecided

    public var description: String {
        switch self {
        case .eventNotFound(let slug):
            "No event '\(slug)'."
        case .sessionNotFound(let id):
            "No session \(id)."
        case .invalidTime(let text):
            "'\(text)' is not a time; use ISO 8601 such as 2017-09-18T09:00 (event time) or 2017-09-18T13:00:00Z."
        case .ambiguousLocalTime(let text, let zone, let offsets):
            "\(text) happens twice in \(zone) (clocks go back then); say which with its offset: \(offsets.map { text + $0 }.joined(separator: " or "))."
        case .skippedLocalTime(let text, let zone):
            "\(text) does not exist in \(zone) (clocks go forward then); choose another time."
        case .datesReversed(let startsOn, let endsOn):
            "The event would end on \(endsOn), before it starts on \(startsOn)."
        case .endsBeforeStart(let start, let end):
            "The session would end (\(end)) before it starts (\(start))."
        case .emptyTitle:
            "A session needs a title."
        case .unknownTimeZone(let name):
            "'\(name)' is not an IANA time zone (such as America/New_York)."
        case .unknownWord(let field, let given, let allowed):
            "'\(given)' is not a known \(field); use one of: \(allowed.joined(separator: ", "))."
        case .notFound(let kind, let key):
            "No \(kind) '\(key)'."
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
        case .sessionCancelled(let title):
            "'\(title)' is cancelled."
        case .substituteMissing:
            "Delegating needs the substitute."
        case .substituteWithoutDelegation:
            "A substitute is only named when delegating."
        case .invalidPosition(let position):
            "A position counts from 1, not \(position)."
        case .notAGovernment(let organization, let kind):
            "Only governments are developed or developing; '\(organization)' is \(kind.rawValue)."
        case .unreadableCSV(let line, let reason):
            "The CSV could not be read: line \(line): \(reason)."
        case .csvWithoutNames:
            "The CSV needs a header row with at least 'name' (and 'email', 'organization', 'country')."
        case .invalidRows(let problems):
            "Nothing was imported: \(problems.count) invalid row(s) (\(problems.prefix(5).joined(separator: "; "))"
                + "\(problems.count > 5 ? "; ..." : ""))."
        case .sessionOfAnotherEvent(let session, let event):
            "Session \(session) belongs to another event than '\(event)'."
        case .invalidEmail(let email):
            "'\(email)' is not an email address."
        case .invalidSlug(let slug):
            "An event slug uses letters, digits and '-' only, not '\(slug)'."
        case .emptyField(let what):
            "A \(what) must not be empty."
        case .tooLong(let what, let max):
            "A \(what) has at most \(max) characters."
        case .invalidLink(let text):
            "'\(text)' is not an http(s) link."
        case .invalidSessionID(let id):
            "A session id has 1 to 64 letters, digits and '-', not '\(id)'."
        case .personMissing:
            "Name the person."
        case .invalidStatementMinutes(let minutes):
            "A statement takes 1 to 240 minutes, not \(minutes)."
        case .eventWithoutAudience(let slug):
            "Publish the event '\(slug)' first: a version records the programme as its attendees see it."
        case .unreadableRow(let table, let id, let column):
            "The stored \(table.singularNoun) \(id) has an unreadable \(column); an administrator can list such rows "
                + "to repair them."
        case .invalidSeed(let file, let reason):
            "Seed file \(file) cannot be loaded: \(reason)."
        case .ambiguousBody(let name, let series):
            "Several series have a body '\(name)' (\(series.joined(separator: ", "))); name the series."
        case .notOpenForSignature(let declaration):
            "The declaration '\(declaration)' is not open to public signature."
        case .signatureDecided:
            "The organizers have already decided on this name and affiliation's signature; the decision stands."
        }
    }
}
