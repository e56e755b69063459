import ArgumentParser
import EventsCore

extension Declarations {
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
}
