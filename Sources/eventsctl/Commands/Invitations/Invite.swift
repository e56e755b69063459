import ArgumentParser
import EventsCore

struct Invite: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Invite a person to an event or one of its sessions, or an organization as an observer.")
    /// How an organization takes part in an event.
    enum OrganizationRole: String, ExpressibleByArgument {
        case observer
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: "The event's slug.") var event: String
    @Option(help: "A session's id, to invite to that session only.") var session: String?
    @Option(help: "The person's email or id.") var person: String?
    @Option(help: "An organization, as 'orgs list' shows it (with --as observer).") var organization: String?
    @Option(name: .customLong("as"), help: "How the organization takes part: observer.") var role: OrganizationRole?

    func validate() throws {
        guard (person == nil) != (organization == nil) else {
            throw ValidationError("Invite a person (--person) or an organization (--organization), one at a time.")
        }
        if organization != nil, role == nil { throw ValidationError("Say how it takes part: --as observer.") }
        if organization != nil, session != nil { throw ValidationError("An organization observes a whole event.") }
        if person != nil, role != nil { throw ValidationError("--as goes with --organization.") }
    }

    func run() throws {
        let home = global.location
        let store = try home.openStore()
        if let organization { return print(try store.addObserver(eventSlug: event, organization: organization)) }
        let inviter = try home.loadConfig()?.email
        print(try store.invite(eventSlug: event, sessionID: session, person: person ?? "", invitedBy: inviter))
    }
}
