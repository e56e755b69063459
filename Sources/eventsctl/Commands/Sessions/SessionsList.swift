import ArgumentParser
import EventsCore

extension Sessions {
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
                    session.id, Instant.display(session.startsAt, in: zone, pattern: "EEE d MMM"), time,
                    session.format.rawValue,
                    session.room ?? "", title,
                ]
            }
            print(table.render())
        }
    }
}
