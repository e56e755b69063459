import ArgumentParser
import EventsCore

extension Bodies {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Bodies, by series, with how many members.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this series' bodies.") var series: String?
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let store = try global.location.openStore()
            let bodies = try store.bodies(series: series)
            if json { return try printJSON(bodies) }
            var table = TextTable(header: ["SERIES", "BODY", "KIND", "MEMBERS"])
            table.rows = try bodies.map {
                [$0.series, $0.name, $0.kind.rawValue, "\(try store.bodyMembers(bodyID: $0.id).count)"]
            }
            print(table.render())
        }
    }
}
