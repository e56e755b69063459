import Foundation

extension ScheduleDocument {
    /// The programme of `agenda` (already filtered to what its reader may see): the event's days and any day a
    /// session falls on, the sessions not cancelled by day and room, and a join link only where no seat is needed.
    init(agenda: Agenda, tracks: [String], version: String, baseURL: String) {
        let event = agenda.event
        let zone = event.timeZone
        let acronym = Self.acronym(of: event.slug)
        let live = agenda.items.filter { !$0.session.isCancelled }
        let numbers = ScheduleIdentity.numbers(of: live.map(\.session.id))
        let eventPath = event.slug.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? event.slug
        let entries = live.map { item in
            Self.entry(
                item, number: numbers[item.session.id] ?? 1, acronym: acronym, zone: zone,
                sessionURL: "\(baseURL)/events/\(eventPath)/sessions/\(item.session.id)")
        }
        let dates = Set(Self.dates(from: event.startsOn, to: event.endsOn, in: zone)).union(
            entries.map { Instant.display($0.start, in: zone, pattern: "yyyy-MM-dd") }
        ).sorted()
        self.init(
            title: event.title, acronym: acronym, version: version, startsOn: event.startsOn, endsOn: event.endsOn,
            timeZone: zone, url: "\(baseURL)/events/\(eventPath)", exportsURL: "\(baseURL)/v1/events/\(eventPath)",
            baseURL: baseURL, tracks: tracks,
            days: dates.enumerated().compactMap { index, date in
                Self.day(index: index + 1, date: date, entries: entries, zone: zone, eventID: event.id)
            })
    }

    private static func day(index: Int, date: String, entries: [Entry], zone: TimeZone, eventID: String) -> Day? {
        guard let start = Instant.startOfDay(date, in: zone) else { return nil }
        let next = Calendar.gregorian(in: zone).date(byAdding: .day, value: 1, to: start.addingTimeInterval(43_200))
        let end = next.flatMap { Instant.startOfDay(Instant.display($0, in: zone, pattern: "yyyy-MM-dd"), in: zone) }
        let onDay = entries.filter { Instant.display($0.start, in: zone, pattern: "yyyy-MM-dd") == date }
        var rooms: [Room] = []
        for entry in onDay {
            if let index = rooms.firstIndex(where: { $0.name == entry.room }) {
                rooms[index].entries.append(entry)
            } else {
                rooms.append(
                    Room(name: entry.room, guid: StableID.make("schedule-room", eventID, entry.room), entries: [entry]))
            }
        }
        return Day(index: index, date: date, start: start, end: end ?? start.addingTimeInterval(86_400), rooms: rooms)
    }

    private static func entry(_ item: Agenda.Item, number: Int, acronym: String, zone: TimeZone, sessionURL: String)
        -> Entry
    {
        let session = item.session
        var seen: Set<String> = []
        let persons = item.people.filter { seen.insert($0.personID).inserted }.map {
            Person(guid: ScheduleIdentity.guid(of: $0.personID), name: $0.name)
        }
        var links: [Link] = []
        if let join = session.joinURL, !item.joinRequiresSeat {
            links.append(Link(kind: "web", url: join, title: "Join online"))
        }
        if let recording = session.recordingURL {
            links.append(Link(kind: "media", url: recording, title: "Recording"))
        }
        let titleSlug = ScheduleIdentity.slug(session.title)
        return Entry(
            guid: ScheduleIdentity.guid(of: session.id), number: number, title: session.title, start: session.startsAt,
            end: session.endsAt,
            room: session.room ?? (session.joinURL == nil && session.format != .webinar ? "To be announced" : "Online"),
            type: session.format.rawValue, track: item.segment,
            slug: ([acronym, String(number)] + (titleSlug.isEmpty ? [] : [titleSlug])).joined(separator: "-"),
            url: sessionURL,
            abstract: ([session.chathamHouse ? Session.chathamHouseNotice : nil, session.description].compactMap { $0 })
                .joined(separator: "\n\n"),
            persons: persons, links: links)
    }

    /// The event's slug as the format's acronym: lowercase letters, digits and `_`, at least four of them.
    private static func acronym(of slug: String) -> String {
        let word = ScheduleIdentity.word(slug)
        return word.count >= 4 ? word : word + String(repeating: "_", count: 4 - word.count)
    }

    private static func dates(from first: String, to last: String, in zone: TimeZone) -> [String] {
        guard var day = Instant.parse(first + "T12:00", in: zone), let end = Instant.parse(last + "T12:00", in: zone)
        else { return [] }
        var dates: [String] = []
        let calendar = Calendar.gregorian(in: zone)
        while day <= end, dates.count < 366 {
            dates.append(Instant.display(day, in: zone, pattern: "yyyy-MM-dd"))
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        return dates
    }
}
