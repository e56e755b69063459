import ArgumentParser

struct Chairs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Co-chairs, speakers, moderators and rapporteurs of a session.",
        subcommands: [Add.self, Remove.self, List.self])
}
