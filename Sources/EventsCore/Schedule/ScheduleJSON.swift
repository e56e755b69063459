import Foundation

/// `schedule.json` as pretalx writes it (the c3voc JSON schema), with sorted keys so the same programme is the
/// same bytes on the daemon and on a laptop.
public struct ScheduleJSON {
    public let document: ScheduleDocument

    public init(_ document: ScheduleDocument) {
        self.document = document
    }

    public func render() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let file = File(
            generator: Generator(name: "eventsd"),
            schedule: Schedule(version: document.version, baseURL: document.baseURL, conference: conference))
        return String(decoding: try encoder.encode(file), as: UTF8.self) + "\n"
    }

    private var conference: Conference {
        let zone = document.timeZone
        return Conference(
            acronym: document.acronym, title: document.title, start: document.startsOn, end: document.endsOn,
            daysCount: document.days.count, timeslotDuration: "00:15", timeZoneName: zone.identifier,
            url: document.url, tracks: document.tracks.map { Track(name: $0) },
            rooms: document.rooms.map { Room(name: $0.name, guid: $0.guid) },
            days: document.days.map { day in
                Day(
                    index: day.index, date: day.date, dayStart: ScheduleTime.dateTime(day.start, in: zone),
                    dayEnd: ScheduleTime.dateTime(day.end, in: zone),
                    rooms: Dictionary(
                        day.rooms.map { ($0.name, $0.entries.map { Self.event($0, in: zone) }) },
                        uniquingKeysWith: +))
            })
    }

    private static func event(_ entry: ScheduleDocument.Entry, in zone: TimeZone) -> Event {
        Event(
            guid: entry.guid, id: entry.number, date: ScheduleTime.dateTime(entry.start, in: zone),
            start: ScheduleTime.clock(entry.start, in: zone), end: ScheduleTime.dateTime(entry.end, in: zone),
            duration: ScheduleTime.duration(from: entry.start, to: entry.end), room: entry.room, slug: entry.slug,
            url: entry.url, title: entry.title, subtitle: nil, track: entry.track, type: entry.type, language: nil,
            abstract: entry.abstract, persons: entry.persons.map { Person(name: $0.name, guid: $0.guid) },
            links: entry.links.map { Reference(type: $0.kind, url: $0.url, title: $0.title) })
    }

    private struct File: Encodable {
        var generator: Generator
        var schedule: Schedule
    }

    private struct Generator: Encodable {
        var name: String
    }

    private struct Schedule: Encodable {
        var version: String
        var baseURL: String
        var conference: Conference

        enum CodingKeys: String, CodingKey {
            case version, conference
            case baseURL = "base_url"
        }
    }

    private struct Conference: Encodable {
        var acronym, title, start, end: String
        var daysCount: Int
        var timeslotDuration, timeZoneName, url: String
        var tracks: [Track]
        var rooms: [Room]
        var days: [Day]

        enum CodingKeys: String, CodingKey {
            case acronym, title, start, end, daysCount, url, tracks, rooms, days
            case timeslotDuration = "timeslot_duration"
            case timeZoneName = "time_zone_name"
        }
    }

    private struct Track: Encodable {
        var name: String
    }

    private struct Room: Encodable {
        var name, guid: String
    }

    private struct Day: Encodable {
        var index: Int
        var date, dayStart, dayEnd: String
        var rooms: [String: [Event]]

        enum CodingKeys: String, CodingKey {
            case index, date, rooms
            case dayStart = "day_start"
            case dayEnd = "day_end"
        }
    }

    private struct Event: Encodable {
        var guid: String
        var id: Int
        var date, start, end, duration, room, slug, url, title: String
        var subtitle, track: String?
        var type: String
        var language: String?
        var abstract: String
        var persons: [Person]
        var links: [Reference]

        enum CodingKeys: String, CodingKey {
            case guid, id, date, start, end, duration, room, slug, url, title, subtitle, track, type, language
            case abstract, persons, links
        }

        /// The format asks for every key, with null where there is nothing.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(guid, forKey: .guid)
            try container.encode(id, forKey: .id)
            for (key, value) in [
                (CodingKeys.date, date), (.start, start), (.end, end), (.duration, duration), (.room, room),
                (.slug, slug), (.url, url), (.title, title), (.type, type), (.abstract, abstract),
            ] {
                try container.encode(value, forKey: key)
            }
            for (key, value) in [(CodingKeys.subtitle, subtitle), (.track, track), (.language, language)] {
                try container.encode(value, forKey: key)
            }
            try container.encode(persons, forKey: .persons)
            try container.encode(links, forKey: .links)
        }
    }

    private struct Person: Encodable {
        var name, guid: String
    }

    private struct Reference: Encodable {
        var type, url, title: String
    }
}
