import ArgumentParser
import EventsCore

extension Schedule {
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Publish the programme as a version; the daemon numbers it when it applies it (pending until the next sync).",
            discussion: "Prints the publication's id.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug.") var event: String
        @Option(help: "What this version changes, for attendees.") var note: String?

        func run() throws {
            print(try global.location.openStore().publishSchedule(eventSlug: event, note: note))
        }
    }
}
