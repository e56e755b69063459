import ArgumentParser

struct Bodies: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A series' standing bodies (Steering Group, Friends of the Forum) and their troika.",
        subcommands: [List.self, Show.self, Add.self, AddMember.self, RemoveMember.self])
}
