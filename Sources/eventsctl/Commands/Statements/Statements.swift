import ArgumentParser

struct Statements: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A plenary's list of speakers, in protocol order.",
        subcommands: [Inscribe.self, Withdraw.self, List.self])
}
