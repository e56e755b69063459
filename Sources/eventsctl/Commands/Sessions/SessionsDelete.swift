import ArgumentParser
import EventsCore

extension Sessions {
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a session.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The session's id.") var id: String

        func run() throws {
            try global.location.openStore().deleteSession(id: id)
        }
    }
}
