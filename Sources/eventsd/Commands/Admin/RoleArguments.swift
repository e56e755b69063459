import ArgumentParser
import EventsCore

/// The options of `grant` and `revoke`: whose role, in which event.
struct RoleArguments: ParsableArguments {
    @OptionGroup var options: AdminOptions
    @Option(help: "The event's slug.") var event: String
    @Option(help: "organizer or attendee.") var role: String

    func validate() throws {
        guard AccountStore.EventRole(rawValue: role) != nil else {
            throw ValidationError("--role is organizer or attendee.")
        }
    }

    var eventRole: AccountStore.EventRole { AccountStore.EventRole(rawValue: role)! }
}
