import ArgumentParser
import EventsCore

struct Invite: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Invite a person to an event or one of its sessions.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The event's slug.") var event: String
    @Option(help: "A session's id, to invite to that session only.") var session: String?
    @Option(help: "The person's email or id.") var person: String

    func run() throws {
        let home = global.location
        let inviter = try home.loadConfig()?.email
        print(try home.openStore().invite(eventSlug: event, sessionID: session, person: person, invitedBy: inviter))
    }
}
