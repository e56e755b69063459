import ArgumentParser

struct Documents: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A session's working papers and other documents, by link.",
        subcommands: [Add.self, List.self, Remove.self])
}
