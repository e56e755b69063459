import ArgumentParser
import EventsCore

extension Declarations {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a declaration; prints its id.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug (none for a convention open for signature, kept by administrators).")
        var event: String?
        @Option(help: "The title.") var title: String
        @Option(help: "The text.") var text: String?
        @Flag(help: "Publish it: its signatories become public.") var published = false
        @Flag(help: "Open it to public signature through the daemon's form (implies --published).")
        var publicSigning = false

        func run() throws {
            print(
                try global.location.openStore().addDeclaration(
                    eventSlug: event, title: title, text: text, published: published || publicSigning,
                    publicSigning: publicSigning))
        }
    }
}
