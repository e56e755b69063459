import ArgumentParser
import EventsCore

struct Grant: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Give an account a role in an event: organizer or attendee.")
    @OptionGroup var arguments: RoleArguments

    func run() throws {
        try arguments.options.accounts().grant(
            arguments.eventRole, to: arguments.options.email, eventSlug: arguments.event)
        print("\(arguments.options.email) is now \(arguments.role) of \(arguments.event).")
    }
}
