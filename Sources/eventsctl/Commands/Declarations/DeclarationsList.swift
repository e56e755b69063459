import ArgumentParser
import EventsCore

extension Declarations {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "An event's declarations (or all this replica holds) and how many signed.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug (default: every declaration).") var event: String?
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let store = try global.location.openStore()
            let declarations = try store.declarations(eventSlug: event)
            if json { return try printJSON(declarations) }
            var table = TextTable(header: ["ID", "SIGNATURES", "TITLE"])
            table.rows = try declarations.map {
                [$0.id, "\(try store.signatures(declarationID: $0.id).count)", $0.title]
            }
            print(table.render())
        }
    }
}
