import ArgumentParser
import EventsCore

@main
struct Eventsd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eventsd",
        abstract: "The events daemon: serves the sync protocol over one SQLite file.",
        subcommands: [Serve.self, Admin.self])

    /// Runs the command; an account the admin commands cannot find is answered with the command that makes it.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as AccountsError {
            exit(withError: AdminFailure(accountsError: error))
        } catch {
            exit(withError: error)
        }
    }
}
