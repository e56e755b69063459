import ArgumentParser
import EventsCore

extension Sessions {
    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a session to a new start, keeping its length.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The session's id.") var id: String
        @Option(help: "The new start.") var start: String
        @Option(help: "A new room.") var room: String?

        func run() throws {
            try global.location.openStore().moveSession(id: id, start: start, room: room)
        }
    }
}
