import ArgumentParser
import EventsCore

extension Chairs {
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
}
