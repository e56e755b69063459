import ArgumentParser

struct Segments: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parts of an event, such as the Civil Society Days.", subcommands: [Add.self, List.self])
}
