import ArgumentParser
import EventsCore

extension Events {
    struct Host: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Name the organization hosting an event and the next host it announced ('' clears).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug.") var event: String
        @Option(help: "The host's name or id.") var host: String?
        @Option(help: "The next host's name or id, until the series' next event is scheduled.") var nextHost: String?

        func run() throws {
            guard host != nil || nextHost != nil else { throw ValidationError("Give --host or --next-host.") }
            try global.location.openStore().setHost(eventSlug: event, host: host, nextHost: nextHost)
        }
    }
}
