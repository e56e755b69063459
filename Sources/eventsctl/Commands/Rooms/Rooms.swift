import ArgumentParser

struct Rooms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rooms and their seats.", subcommands: [Add.self, List.self])
}
