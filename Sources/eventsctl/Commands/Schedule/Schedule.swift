import ArgumentParser

struct Schedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Published versions of an event's programme and what changed since.",
        subcommands: [Publish.self, Versions.self, Changes.self])
}
