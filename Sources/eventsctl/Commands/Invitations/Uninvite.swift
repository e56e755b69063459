import ArgumentParser
import EventsCore

struct Uninvite: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Revoke a person's invitation to an event or one of its sessions.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The event's slug.") var event: String
    @Option(help: "The session's id, for an invitation to that session only.") var session: String?
    @Option(help: "The person's email or id.") var person: String

    func run() throws {
        try global.location.openStore().uninvite(eventSlug: event, sessionID: session, person: person)
    }
}
