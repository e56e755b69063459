import ArgumentParser
import EventsCore

extension Rooms {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An event's rooms.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug.") var event: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let rooms = try global.location.openStore().rooms(eventSlug: event)
            if json { return try printJSON(rooms) }
            var table = TextTable(header: ["NAME", "SEATS"])
            table.rows = rooms.map { [$0.name, $0.capacity.map(String.init) ?? ""] }
            print(table.render())
        }
    }
}
