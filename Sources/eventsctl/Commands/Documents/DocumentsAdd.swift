import ArgumentParser
import EventsCore

extension Documents {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a document to a session (the same link again changes it); prints its id.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The session's id.") var session: String
        @Option(help: "The document's title.") var title: String
        @Option(help: "Its http or https link.") var url: String
        @Option(help: "Its language, a BCP 47 tag such as en or fr.") var language: String?

        func run() throws {
            print(
                try global.location.openStore().addDocument(
                    sessionID: session, title: title, url: url, language: language))
        }
    }
}
