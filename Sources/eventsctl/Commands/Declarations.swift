import ArgumentParser
import EventsCore

struct Declarations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Texts participants sign.", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a declaration; prints its id.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug.") var event: String
        @Option(help: "The title.") var title: String
        @Option(help: "The text.") var text: String?

        func run() throws {
            print(try global.location.openStore().addDeclaration(eventSlug: event, title: title, text: text))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An event's declarations and how many signed.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug.") var event: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let store = try global.location.openStore()
            let declarations = try store.declarations(eventSlug: event)
            if json { return try printJSON(declarations) }
            var table = TextTable(header: ["ID", "SIGNATURES", "TITLE"])
            table.rows = try declarations.map {
                [$0.id, "\(try store.signatures(declarationID: $0.id).count)", $0.title]
            }
            print(table.render())
        }
    }
}

struct Sign: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Sign a declaration, optionally with a reservation.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The declaration's id or title.") var declaration: String
    @Option(help: "A reservation, understanding or declaration to record with the signature.") var reservation: String?
    @Option(name: .customLong("as"), help: "Sign as this person (default: the logged-in account).") var person: String?

    func run() throws {
        let home = global.location
        try home.openStore().sign(declaration: declaration, person: try home.me(person), reservation: reservation)
        print("Signed\(reservation == nil ? "" : " with a reservation"); run 'eventsctl sync' to send it.")
    }
}

struct Conflicts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every rule the event's data breaks, such as a double-booked co-chair.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The event's slug.") var event: String
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
        let conflicts = try global.location.openStore().conflicts(eventSlug: event)
        if json { return try printJSON(conflicts) }
        guard !conflicts.isEmpty else { return print("No conflicts.") }
        var table = TextTable(header: ["KIND", "PROBLEM"])
        table.rows = conflicts.map { [$0.kind.rawValue, $0.message] }
        print(table.render())
    }
}
