import ArgumentParser
import EventsCore

extension Rooms {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a room (or change its seats); prints its id.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug.") var event: String
        @Option(help: "The room's name.") var name: String
        @Option(help: "Seats, a positive number.") var capacity: Int

        func run() throws {
            print(try global.location.openStore().addRoom(eventSlug: event, name: name, capacity: capacity))
        }
    }
}
