import ArgumentParser
import EventsCore

struct Declarations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Texts participants sign.", subcommands: [Add.self, List.self])
}
