import Foundation

/// An iCalendar document (RFC 5545) of agenda sessions that Google, Outlook, Apple Calendar and Thunderbird
/// accept and keep up to date: stable UIDs, SEQUENCE from the replicated session, TZID with generated
/// VTIMEZONEs, cancelled sessions kept as STATUS:CANCELLED, and refresh hints for subscriptions.
public struct CalendarFeed: Sendable {
    /// The feed owner's own answer for a session: only a personal feed carries attendees.
    public struct Attendance: Sendable {
        public var name: String
        public var email: String?
        public var response: String
        /// The daemon's decision on the seat, when one was taken.
        public var decision: SeatDecision?

        /// Waiting for a seat (or for the decision): the session is tentative for this person.
        var isWaiting: Bool { decision == .waitlisted }
    }

    public struct Entry: Sendable {
        public var item: Agenda.Item
        public var event: Event
        /// The session's newest replicated stamp: DTSTAMP, identical on every replica and every export.
        public var lastModified: Date
        public var attendance: Attendance?
    }

    public var name: String
    /// The domain part of every UID; the same on laptops and the daemon so both exports describe one event.
    public var host: String
    public var entries: [Entry]
    public var refreshInterval = "PT1H"

    public init(name: String, host: String, entries: [Entry]) {
        self.name = name
        self.host = host
        self.entries = entries
    }

    public func render() -> String {
        var lines: [ContentLine] = [
            ContentLine(name: "BEGIN", value: "VCALENDAR"), ContentLine(name: "VERSION", value: "2.0"),
            .text("PRODID", "-//events//eventsd agenda//EN"), ContentLine(name: "CALSCALE", value: "GREGORIAN"),
            ContentLine(name: "METHOD", value: "PUBLISH"), .text("NAME", name), .text("X-WR-CALNAME", name),
            ContentLine(name: "REFRESH-INTERVAL", parameters: [("VALUE", "DURATION")], value: refreshInterval),
            ContentLine(name: "X-PUBLISHED-TTL", value: refreshInterval),
        ]
        for (zone, range) in zonesInUse() {
            lines += TimeZoneDefinition(zone: zone, covering: range).lines()
        }
        for entry in entries { lines += event(entry) }
        lines.append(ContentLine(name: "END", value: "VCALENDAR"))
        return lines.map { $0.render() }.joined()
    }

    private func zonesInUse() -> [(TimeZone, ClosedRange<Date>)] {
        var ranges: [String: ClosedRange<Date>] = [:]
        for entry in entries {
            let session = entry.item.session
            let id = entry.event.timeZone.identifier
            let low = min(ranges[id]?.lowerBound ?? session.startsAt, session.startsAt)
            let high = max(ranges[id]?.upperBound ?? session.endsAt, session.endsAt, low)
            ranges[id] = low...high
        }
        return ranges.keys.sorted().compactMap { id in TimeZone(identifier: id).map { ($0, ranges[id]!) } }
    }

    private func event(_ entry: Entry) -> [ContentLine] {
        let session = entry.item.session
        let zone = entry.event.timeZone
        var lines: [ContentLine] = [
            ContentLine(name: "BEGIN", value: "VEVENT"),
            ContentLine(name: "UID", value: "session-\(Self.uidSafe(session.id))@\(Self.uidSafe(host))"),
            ContentLine(
                name: "DTSTAMP", value: Instant.display(entry.lastModified, in: .gmt, pattern: "yyyyMMdd'T'HHmmss'Z'")),
            ContentLine(name: "SEQUENCE", value: "\(max(0, session.sequence))"),
            Self.dateTime("DTSTART", session.startsAt, in: zone), Self.dateTime("DTEND", session.endsAt, in: zone),
            .text("SUMMARY", session.title),
        ]
        let description = describe(entry.item)
        if !description.isEmpty { lines.append(.text("DESCRIPTION", description)) }
        let location = [session.room, entry.event.venue, entry.event.city].compactMap { $0 }.filter { !$0.isEmpty }
        if !location.isEmpty { lines.append(.text("LOCATION", location.joined(separator: ", "))) }
        if let url = session.joinURL.flatMap(Self.uri) {
            lines.append(ContentLine(name: "URL", parameters: [("VALUE", "URI")], value: url))
        }
        lines += entry.item.documents.compactMap { document in
            Self.uri(document.url).map { ContentLine(name: "ATTACH", value: $0) }
        }
        lines.append(.textList("CATEGORIES", [session.format.rawValue] + [entry.item.segment].compactMap { $0 }))
        let status = session.isCancelled ? "CANCELLED" : entry.attendance?.isWaiting == true ? "TENTATIVE" : "CONFIRMED"
        lines.append(ContentLine(name: "STATUS", value: status))
        if let attendance = entry.attendance { lines += attendees(entry.item, attendance) }
        lines.append(ContentLine(name: "END", value: "VEVENT"))
        return lines
    }

    /// A local time with its TZID, or UTC where the zone's clock shows that local time twice: RFC 5545 reads an
    /// ambiguous local time as its first occurrence, so the second would be an hour off in every client.
    static func dateTime(_ name: String, _ date: Date, in zone: TimeZone) -> ContentLine {
        guard !Instant.isAmbiguous(date, in: zone) else {
            return ContentLine(name: name, value: Instant.display(date, in: .gmt, pattern: "yyyyMMdd'T'HHmmss'Z'"))
        }
        return ContentLine(
            name: name, parameters: [("TZID", zone.identifier)],
            value: Instant.display(date, in: zone, pattern: "yyyyMMdd'T'HHmmss"))
    }

    private func describe(_ item: Agenda.Item) -> String {
        var parts: [String] = []
        if let segment = item.segment { parts.append(segment) }
        for person in item.people {
            let role = person.role.prefix(1).uppercased() + person.role.dropFirst()
            parts.append("\(role): \(person.name)\(person.organization.map { " (\($0))" } ?? "")")
        }
        if item.session.chathamHouse { parts.append(Session.chathamHouseNotice) }
        if let description = item.session.description { parts.append(description) }
        if let join = item.session.joinURL { parts.append("Join: \(join)") }
        if let recording = item.session.recordingURL { parts.append("Recording: \(recording)") }
        return parts.joined(separator: "\n")
    }

    /// Co-chairs as chairs (by an opaque URN, never their email), and the feed's owner with their answer.
    private func attendees(_ item: Agenda.Item, _ attendance: Attendance) -> [ContentLine] {
        var lines = item.people.filter { $0.role == SessionRoleKind.coChair.rawValue }.map { chair in
            ContentLine(
                name: "ATTENDEE", parameters: [("ROLE", "CHAIR"), ("CN", chair.name)],
                value: "urn:uuid:\(Self.uidSafe(chair.personID))")
        }
        let partstat =
            attendance.response == RSVPResponse.tentative.rawValue || attendance.isWaiting ? "TENTATIVE" : "ACCEPTED"
        if let email = attendance.email.flatMap(Self.mailto) {
            lines.append(
                ContentLine(
                    name: "ATTENDEE",
                    parameters: [("ROLE", "REQ-PARTICIPANT"), ("PARTSTAT", partstat), ("CN", attendance.name)],
                    value: email))
        }
        return lines
    }

    /// Characters allowed in a UID or URN part; anything else (from a hostile replica) is dropped.
    private static func uidSafe(_ text: String) -> String {
        String(
            text.unicodeScalars.filter {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-._".unicodeScalars.contains($0))
            }
            .map(Character.init))
    }

    private static func uri(_ text: String) -> String? {
        guard text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value != 0x7F && $0 != "\"" }),
            let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? "")
        else { return nil }
        return text
    }

    private static func mailto(_ email: String) -> String? {
        guard email.contains("@"),
            email.unicodeScalars.allSatisfy({
                $0.isASCII && $0.value > 0x20 && !"\"<>;:,\\".unicodeScalars.contains($0)
            })
        else {
            return nil
        }
        return "mailto:" + email
    }
}
