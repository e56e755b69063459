import ArgumentParser
import EventsCore

struct Segments: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parts of an event, such as the Civil Society Days.", subcommands: [Add.self, List.self])

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

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An event's segments.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug.") var event: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let segments = try global.location.openStore().segments(eventSlug: event)
            if json { return try printJSON(segments) }
            var table = TextTable(header: ["NAME", "FROM", "TO", "ID"])
            table.rows = segments.map { [$0.name, $0.startsOn ?? "", $0.endsOn ?? "", $0.id] }
            print(table.render())
        }
    }
}

struct Rooms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rooms and their seats.", subcommands: [Add.self, List.self])

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

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An event's rooms.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug.") var event: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let rooms = try global.location.openStore().rooms(eventSlug: event)
            if json { return try printJSON(rooms) }
            var table = TextTable(header: ["NAME", "SEATS"])
            table.rows = rooms.map { [$0.name, $0.capacity.map(String.init) ?? ""] }
            print(table.render())
        }
    }
}
