import ArgumentParser
import EventsCore
import Foundation

struct Sessions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Schedule, change and list sessions (offline; 'sync' shares them).",
        subcommands: [Add.self, Edit.self, Delete.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Schedule a session; prints its id.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug.") var event: String
        @Option(help: "The session's title.") var title: String
        @Option(help: "Start, ISO 8601; without an offset it is the event's local time.") var start: String
        @Option(help: "End, ISO 8601; without an offset it is the event's local time.") var end: String
        @Option(help: "The room.") var room: String?
        @Option(help: "plenary, roundtable, panel, workshop, side-event, webinar or break.") var format = "plenary"

        func run() throws {
            let draft = SessionDraft(title: title, format: format, start: start, end: end, room: room)
            print(try global.location.openStore().addSession(eventSlug: event, draft))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a session's title, times or room.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The session's id.") var id: String
        @Option(help: "A new title.") var title: String?
        @Option(help: "A new start; alone, it moves the session and keeps its length.") var start: String?
        @Option(help: "A new end.") var end: String?
        @Option(help: "A new room (empty to clear).") var room: String?
        @Option(help: "A new format.") var format: String?

        func validate() throws {
            guard title != nil || start != nil || end != nil || room != nil || format != nil else {
                throw ValidationError("Nothing to change: give --title, --start, --end, --room or --format.")
            }
        }

        func run() throws {
            let draft = SessionDraft(title: title, format: format, start: start, end: end, room: room)
            try global.location.openStore().editSession(id: id, draft)
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
                let time = Instant.display(session.startsAt, in: zone, pattern: "HH:mm") + "–" + Instant.display(session.endsAt, in: zone, pattern: "HH:mm")
                return [session.id, Instant.display(session.startsAt, in: zone, pattern: "EEE d MMM"), time, session.format, session.room ?? "", session.title]
            }
            print(table.render())
        }
    }
}
