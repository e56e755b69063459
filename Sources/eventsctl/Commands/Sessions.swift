import ArgumentParser
import EventsCore
import Foundation

struct Sessions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Schedule, change and list sessions (offline; 'sync' shares them).",
        subcommands: [Add.self, Edit.self, Move.self, Cancel.self, Delete.self, List.self])

    /// The optional fields both `add` and `edit` take.
    struct Fields: ParsableArguments {
        @Option(help: "The room.") var room: String?
        @Option(help: "plenary, roundtable, panel, workshop, side-event, webinar or break.") var format: String?
        @Option(help: "The segment's name, such as 'Civil Society Days'.") var segment: String?
        @Option(help: "Seats, a positive number.") var capacity: Int?
        @Option(help: "The webinar's join link.") var joinUrl: String?
        @Option(help: "The recording's link.") var recordingUrl: String?
        @Option(help: "A description.") var description: String?
        @Flag(inversion: .prefixedNo, help: "Only invitees may RSVP.") var invitationOnly: Bool? = nil

        func draft(title: String?, start: String?, end: String?) -> SessionDraft {
            SessionDraft(
                title: title, format: format, start: start, end: end, room: room, segment: segment, joinURL: joinUrl,
                recordingURL: recordingUrl, capacity: capacity, invitationOnly: invitationOnly, description: description
            )
        }

        var isEmpty: Bool {
            room == nil && format == nil && segment == nil && capacity == nil && joinUrl == nil && recordingUrl == nil
                && description == nil && invitationOnly == nil
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Schedule a session; prints its id.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug.") var event: String
        @Option(help: "The session's title.") var title: String
        @Option(help: "Start, ISO 8601; without an offset it is the event's local time.") var start: String
        @Option(help: "End, ISO 8601; without an offset it is the event's local time.") var end: String
        @OptionGroup var fields: Fields

        func run() throws {
            print(
                try global.location.openStore().addSession(
                    eventSlug: event, fields.draft(title: title, start: start, end: end)))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a session's title, times, room or other fields.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The session's id.") var id: String
        @Option(help: "A new title.") var title: String?
        @Option(help: "A new start; alone, it moves the session and keeps its length.") var start: String?
        @Option(help: "A new end.") var end: String?
        @OptionGroup var fields: Fields

        func validate() throws {
            guard title != nil || start != nil || end != nil || !fields.isEmpty else {
                throw ValidationError("Nothing to change: give --title, --start, --end, --room or another field.")
            }
        }

        func run() throws {
            try global.location.openStore().editSession(id: id, fields.draft(title: title, start: start, end: end))
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a session to a new start, keeping its length.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The session's id.") var id: String
        @Option(help: "The new start.") var start: String
        @Option(help: "A new room.") var room: String?

        func run() throws {
            try global.location.openStore().moveSession(id: id, start: start, room: room)
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a session; it stays on the agenda marked cancelled.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The session's id.") var id: String

        func run() throws {
            try global.location.openStore().cancelSession(id: id)
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a session.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The session's id.") var id: String

        func run() throws {
            try global.location.openStore().deleteSession(id: id)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An event's sessions, in the event's time zone.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug.") var event: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let store = try global.location.openStore()
            let event = try store.event(slug: self.event)
            let sessions = try store.sessions(eventSlug: self.event)
            if json { return try printJSON(sessions) }
            print("\(event.title) — times in \(event.timezone)")
            var table = TextTable(header: ["ID", "DAY", "TIME", "FORMAT", "ROOM", "TITLE"])
            table.rows = sessions.map { session in
                let zone = event.timeZone
                let time = Instant.timeRange(from: session.startsAt, to: session.endsAt, in: zone)
                let title = session.isCancelled ? "[cancelled] " + session.title : session.title
                return [
                    session.id, Instant.display(session.startsAt, in: zone, pattern: "EEE d MMM"), time, session.format,
                    session.room ?? "", title,
                ]
            }
            print(table.render())
        }
    }
}
