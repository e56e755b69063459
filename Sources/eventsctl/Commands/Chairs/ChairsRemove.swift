import ArgumentParser
import EventsCore

extension Chairs {
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
}
