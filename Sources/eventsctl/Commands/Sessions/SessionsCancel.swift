import ArgumentParser
import EventsCore

extension Sessions {
    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a session; it stays on the agenda marked cancelled.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The session's id.") var id: String

        func run() throws {
            try global.location.openStore().cancelSession(id: id)
        }
    }
}
