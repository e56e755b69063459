import ArgumentParser
import EventsCore

struct Organizations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgs", abstract: "Governments, cities, organisations and companies.",
        subcommands: [Add.self, List.self])
}
