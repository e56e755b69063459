import ArgumentParser
import EventsCore

extension Organizations {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List organizations.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let organizations = try global.location.openStore().organizations()
            if json { return try printJSON(organizations) }
            var table = TextTable(header: ["NAME", "KIND", "COUNTRY", "STATUS"])
            table.rows = organizations.map {
                [$0.name, $0.kind.rawValue, $0.country ?? "", $0.developmentStatus?.rawValue ?? ""]
            }
            print(table.render())
        }
    }
}
