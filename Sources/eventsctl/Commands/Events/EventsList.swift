import ArgumentParser
import EventsCore

extension Events {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the events this laptop knows.")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let events = try global.location.openStore().events()
            if json { return try printJSON(events) }
            guard !events.isEmpty else { return print("No events yet: run 'eventsctl sync'.") }
            var table = TextTable(header: ["SLUG", "DATES", "KIND", "WHERE", "TITLE"])
            table.rows = events.map { event in
                let dates = event.startsOn == event.endsOn ? event.startsOn : "\(event.startsOn) – \(event.endsOn)"
                return [
                    event.slug, dates, event.kind + (event.invitationOnly ? " (invitation)" : ""),
                    event.city ?? event.venue ?? "", event.title,
                ]
            }
            print(table.render())
        }
    }
}
