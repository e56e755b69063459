import ArgumentParser

struct People: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Participants.", subcommands: [Add.self, Import.self, List.self])
}
