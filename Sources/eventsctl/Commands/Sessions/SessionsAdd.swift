import ArgumentParser
import EventsCore

extension Sessions {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Schedule a session; prints its id.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug.") var event: String
        @Option(help: "The session's title.") var title: String
        @Option(help: "Start, ISO 8601; without an offset it is the event's local time.") var start: String
        @Option(help: "End, ISO 8601; without an offset it is the event's local time.") var end: String
        @OptionGroup var fields: Fields

        func run() throws {
            print(
                try global.location.openStore().addSession(
                    eventSlug: event, fields.draft(title: title, start: start, end: end)))
        }
    }
}
