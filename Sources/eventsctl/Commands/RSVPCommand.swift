import ArgumentParser
import EventsCore

struct RSVPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rsvp",
        abstract:
            "Answer for a session: accept, decline, tentative, or delegate --to a substitute. The daemon confirms seats."
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The session's id.") var session: String
    @Argument(help: "accept, decline, tentative or delegate.") var answer: String
    @Option(help: "The substitute's email or id, when delegating.") var to: String?
    @Option(name: .customLong("as"), help: "Answer as this person (default: the logged-in account).") var person:
        String?

    static let responses = [
        "accept": "accepted", "decline": "declined", "tentative": "tentative", "delegate": "delegated",
    ]

    func validate() throws {
        guard Self.responses[answer.lowercased()] != nil else {
            throw ValidationError("The answer is accept, decline, tentative or delegate, not '\(answer)'.")
        }
    }

    func run() throws {
        let home = global.location
        let response = Self.responses[answer.lowercased()]!
        try home.openStore().respond(
            sessionID: session, person: try home.me(person), response: response, substitute: to)
        print("Recorded '\(response)'; run 'eventsctl sync' to send it, the daemon then confirms or waitlists.")
    }
}
