import ArgumentParser

struct Sessions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Schedule, change and list sessions (offline; 'sync' shares them).",
        subcommands: [Add.self, Edit.self, Move.self, Cancel.self, Delete.self, List.self])
}
