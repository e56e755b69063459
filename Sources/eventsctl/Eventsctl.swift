import ArgumentParser
import EventsCore
import Foundation
import Sync

@main
struct Eventsctl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eventsctl",
        abstract: "Plan and attend events from the terminal, offline first; 'sync' reconciles with eventsd.",
        subcommands: [
            Login.self, SyncCommand.self, Status.self, Events.self, Segments.self, Rooms.self, Sessions.self,
            Chairs.self,
            Organizations.self, People.self, Invite.self, Uninvite.self, AgendaCommand.self, RSVPCommand.self,
            Declarations.self, Sign.self, Schedule.self, Documents.self, Statements.self,
            Bodies.self, Conflicts.self, Feed.self, Rebuild.self,
        ])

    /// Runs the command; any failure is one line on stderr and a non-zero exit, help goes to stdout as usual.
    static func main() {
        do {
            var command = try parseAsRoot(hoistingHome(from: Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            guard exitCode(for: error) != .success else { exit(withError: error) }
            let text =
                (error as? EventsError)?.cliMessage ?? (error as? SyncError)?.cliMessage
                ?? (error as? StorageFailure)?.cliMessage ?? message(for: error)
            let message = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            fail(message, code: exitCode(for: error) == .validationFailure ? 64 : 1)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("eventsctl: \(message)\n".utf8))
        Foundation.exit(code)
    }

    /// `--home DIR` may stand before the subcommand too (`eventsctl --home A sync`): it is moved to the end,
    /// where every subcommand accepts it.
    static func hoistingHome(from arguments: [String]) -> [String] {
        guard let first = arguments.first, first == "--home" || first.hasPrefix("--home=") else { return arguments }
        let taken = first == "--home" ? Array(arguments.prefix(2)) : [first]
        return Array(arguments.dropFirst(taken.count)) + taken
    }
}
