import ArgumentParser
import EventsCore

extension Chairs {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The people of a session.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The session's id.") var session: String
        @Flag(help: "Print JSON for scripts.") var json = false

        struct Entry: Encodable {
            var role: String
            var position: Int
            var name: String
            var email: String?
            var organization: String?
        }

        func run() throws {
            let entries = try global.location.openStore().roles(sessionID: session).map {
                Entry(
                    role: $0.role.role.rawValue, position: $0.role.position, name: $0.person.name,
                    email: $0.person.email,
                    organization: $0.organization?.name)
            }
            if json { return try printJSON(entries) }
            var table = TextTable(header: ["ROLE", "#", "NAME", "ORGANIZATION"])
            table.rows = entries.map { [$0.role, "\($0.position)", $0.name, $0.organization ?? ""] }
            print(table.render())
        }
    }
}
