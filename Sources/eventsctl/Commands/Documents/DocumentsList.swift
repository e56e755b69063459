import ArgumentParser
import EventsCore

extension Documents {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A session's documents.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The session's id.") var session: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let documents = try global.location.openStore().documents(sessionID: session)
            if json { return try printJSON(documents) }
            guard !documents.isEmpty else { return print("No documents for this session.") }
            var table = TextTable(header: ["ID", "LANGUAGE", "TITLE", "LINK"])
            table.rows = documents.map { [$0.id, $0.language ?? "", $0.title, $0.url] }
            print(table.render())
        }
    }
}
