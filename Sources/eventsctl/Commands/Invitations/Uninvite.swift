import ArgumentParser
import EventsCore

struct Uninvite: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Revoke a person's invitation to an event or one of its sessions, or an organization's as observer.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The event's slug.") var event: String
    @Option(help: "The session's id, for an invitation to that session only.") var session: String?
    @Option(help: "The person's email or id.") var person: String?
    @Option(help: "An observing organization, as 'orgs list' shows it.") var organization: String?

    func validate() throws {
        guard (person == nil) != (organization == nil) else {
            throw ValidationError("Name a person (--person) or an organization (--organization), one at a time.")
        }
    }

    func run() throws {
        let store = try global.location.openStore()
        if let organization { return try store.removeObserver(eventSlug: event, organization: organization) }
        try store.uninvite(eventSlug: event, sessionID: session, person: person ?? "")
    }
}
