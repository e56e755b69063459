import Foundation

/// An event's programme in the c3voc schedule format (frab, pentabarf and pretalx's `schedule.xml` and
/// `schedule.json`, which offline schedule apps read): days in the event's zone, rooms, and the sessions that
/// take place, cancelled ones left out. Built from what a reader may see; rendered by `ScheduleXML` and
/// `ScheduleJSON`.
public struct ScheduleDocument: Sendable, Equatable {
    public struct Day: Sendable, Equatable {
        public var index: Int
        /// `YYYY-MM-DD` in the event's zone.
        public var date: String
        public var start: Date
        public var end: Date
        public var rooms: [Room]
    }

    public struct Room: Sendable, Equatable {
        public var name: String
        public var guid: String
        public var entries: [Entry]
    }

    public struct Person: Sendable, Equatable {
        public var guid: String
        public var name: String
    }

    public struct Link: Sendable, Equatable {
        /// The format's word for it (`web`, `media`).
        public var kind: String
        public var url: String
        public var title: String
    }

    /// One session as the format's "event".
    public struct Entry: Sendable, Equatable {
        public var guid: String
        public var number: Int
        public var title: String
        public var start: Date
        public var end: Date
        public var room: String
        public var type: String
        public var track: String?
        public var slug: String
        public var url: String
        public var abstract: String
        public var persons: [Person]
        public var links: [Link]
    }

    public var title: String
    public var acronym: String
    /// The latest published version (`0` before the first).
    public var version: String
    public var startsOn: String
    public var endsOn: String
    public var timeZone: TimeZone
    public var url: String
    /// Where the daemon serves the event's exports (`…/v1/events/SLUG`).
    public var exportsURL: String
    public var baseURL: String
    public var tracks: [String]
    public var days: [Day]

    /// Every room of the programme once, in the order they first appear.
    public var rooms: [(name: String, guid: String)] {
        var seen: Set<String> = []
        return days.flatMap(\.rooms).filter { seen.insert($0.guid).inserted }.map { ($0.name, $0.guid) }
    }

}
