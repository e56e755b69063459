import ArgumentParser
import EventsCore

struct Chairs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Co-chairs, speakers, moderators and rapporteurs of a session.",
        subcommands: [Add.self, Remove.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a person a role in a session.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The session's id.") var session: String
        @Option(help: "The person's email or id.") var person: String
        @Option(help: "co-chair, speaker, moderator or rapporteur.") var role = "co-chair"
        @Option(help: "Position in the list (default: after the others).") var order: Int?

        func run() throws {
            try global.location.openStore().addRole(sessionID: session, person: person, role: role, position: order)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a role away.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The session's id.") var session: String
        @Option(help: "The person's email or id.") var person: String
        @Option(help: "co-chair, speaker, moderator or rapporteur.") var role = "co-chair"

        func run() throws {
            try global.location.openStore().removeRole(sessionID: session, person: person, role: role)
        }
    }

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
                    role: $0.role.role, position: $0.role.position, name: $0.person.name, email: $0.person.email,
                    organization: $0.organization?.name)
            }
            if json { return try printJSON(entries) }
            var table = TextTable(header: ["ROLE", "#", "NAME", "ORGANIZATION"])
            table.rows = entries.map { [$0.role, "\($0.position)", $0.name, $0.organization ?? ""] }
            print(table.render())
        }
    }
}
