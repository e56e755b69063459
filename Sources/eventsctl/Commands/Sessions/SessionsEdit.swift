import ArgumentParser
import EventsCore

extension Sessions {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a session's title, times, room or other fields.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The session's id.") var id: String
        @Option(help: "A new title.") var title: String?
        @Option(help: "A new start; alone, it moves the session and keeps its length.") var start: String?
        @Option(help: "A new end.") var end: String?
        @OptionGroup var fields: Fields

        func validate() throws {
            guard title != nil || start != nil || end != nil || !fields.isEmpty else {
                throw ValidationError("Nothing to change: give --title, --start, --end, --room or another field.")
            }
        }

        func run() throws {
            try global.location.openStore().editSession(id: id, fields.draft(title: title, start: start, end: end))
        }
    }
}
