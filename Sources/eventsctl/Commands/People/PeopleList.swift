import ArgumentParser
import EventsCore

extension People {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List people.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let store = try global.location.openStore()
            let people = try store.people()
            if json { return try printJSON(people) }
            let organizations = Dictionary(uniqueKeysWithValues: try store.organizations().map { ($0.id, $0.name) })
            var table = TextTable(header: ["NAME", "EMAIL", "ORGANIZATION", "COUNTRY"])
            table.rows = people.map {
                [$0.name, $0.email ?? "", $0.organizationID.flatMap { organizations[$0] } ?? "", $0.country ?? ""]
            }
            print(table.render())
        }
    }
}
