import ArgumentParser
import EventsCore

extension Segments {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An event's segments.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug.") var event: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let segments = try global.location.openStore().segments(eventSlug: event)
            if json { return try printJSON(segments) }
            var table = TextTable(header: ["NAME", "FROM", "TO", "ID"])
            table.rows = segments.map { [$0.name, $0.startsOn ?? "", $0.endsOn ?? "", $0.id] }
            print(table.render())
        }
    }
}
