import ArgumentParser
import EventsCore

extension Statements {
    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a speaker off the list.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The session's id.") var session: String
        @Option(help: "The speaker's email or id.") var person: String

        func run() throws {
            try global.location.openStore().withdrawStatement(sessionID: session, person: person)
        }
    }
}
