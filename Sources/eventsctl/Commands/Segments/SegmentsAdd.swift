import ArgumentParser
import EventsCore

extension Segments {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a segment; prints its id.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug.") var event: String
        @Option(help: "The segment's name.") var name: String
        @Option(help: "First day, YYYY-MM-DD.") var starts: String?
        @Option(help: "Last day, YYYY-MM-DD.") var ends: String?

        func run() throws {
            print(
                try global.location.openStore().addSegment(eventSlug: event, name: name, startsOn: starts, endsOn: ends)
            )
        }
    }
}
