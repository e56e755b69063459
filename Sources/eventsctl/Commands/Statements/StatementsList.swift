import ArgumentParser
import EventsCore
import Foundation

extension Statements {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The list of speakers with estimated starts, in the event's time zone.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The session's id.") var session: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let list = try global.location.openStore().speakersList(sessionID: session)
            if json { return try printJSON(list) }
            guard !list.entries.isEmpty else { return print("Nobody is inscribed yet.") }
            let zone = TimeZone(identifier: list.timeZone) ?? .gmt
            var table = TextTable(header: ["#", "ABOUT", "RANK", "SPEAKER", "ON BEHALF OF", "STATUS"])
            table.rows = list.entries.map { entry in
                [
                    "\(entry.position)", Instant.display(entry.estimatedStart, in: zone, pattern: "HH:mm"),
                    entry.rank.rawValue, entry.name, entry.onBehalfOf ?? "",
                    entry.provisional ? "provisional" : "ordered",
                ]
            }
            print("\(list.statementMinutes) minutes a statement; times in \(list.timeZone)")
            print(table.render())
        }
    }
}
