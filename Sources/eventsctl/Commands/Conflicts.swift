import ArgumentParser
import EventsCore

struct Conflicts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every rule the event's data breaks, such as a double-booked co-chair.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The event's slug.") var event: String
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let conflicts = try global.location.openStore().conflicts(eventSlug: event)
        if json { return try printJSON(conflicts) }
        guard !conflicts.isEmpty else { return print("No conflicts.") }
        var table = TextTable(header: ["KIND", "PROBLEM"])
        table.rows = conflicts.map { [$0.kind.rawValue, $0.message] }
        print(table.render())
    }
}
