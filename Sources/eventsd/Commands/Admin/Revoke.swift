import ArgumentParser
import EventsCore

struct Revoke: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Take an account's role in an event away.")
    @OptionGroup var arguments: RoleArguments

    func run() throws {
        let email = arguments.options.email
        let removed = try arguments.options.accounts().revoke(
            arguments.eventRole, from: email, eventSlug: arguments.event)
        print(
            removed
                ? "\(email) is no longer \(arguments.role) of \(arguments.event)."
                : "\(email) was not \(arguments.role) of \(arguments.event).")
    }
}
