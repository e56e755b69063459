import ArgumentParser

struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Events in this replica.", subcommands: [Add.self, List.self, Host.self])
}
