import ArgumentParser
import EventsCore

extension Documents {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a document from its session.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The document's id.") var id: String

        func run() throws {
            try global.location.openStore().removeDocument(id: id)
        }
    }
}
