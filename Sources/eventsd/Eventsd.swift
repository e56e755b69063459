import ArgumentParser

@main
struct Eventsd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eventsd",
        abstract: "The events daemon: serves the sync protocol over one SQLite file.",
        subcommands: [Serve.self, Admin.self])
}
