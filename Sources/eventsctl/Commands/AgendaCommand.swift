import ArgumentParser
import EventsCore
import Foundation

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda", abstract: "An event's agenda, day by day in the event's time zone, with who chairs what."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The event's slug.") var event: String
    @Option(name: .customLong("as"), help: "Show this person's RSVPs (default: the logged-in account).") var person:
        String?
    @Flag(help: "Print JSON for scripts.") var json = false
    @Flag(help: "Export iCalendar (RFC 5545) to FILE, or to stdout without one.") var ics = false
    @Flag(help: "Only the sessions you accepted or are tentative for, with your answer.") var mine = false
    @Argument(help: "With --ics: the file to write.") var file: String?

    func validate() throws {
        if file != nil, !ics { throw ValidationError("A file name only goes with --ics.") }
        if json, ics { throw ValidationError("Choose --json or --ics, not both.") }
    }

    func run() throws {
        let home = global.location
        let me = person ?? (try? home.loadConfig())??.email
        if mine, me == nil { throw CLIError.unknownIdentity }
        let store = try home.openStore()
        if ics {
            let text = try store.calendar(eventSlug: event, person: me, mine: mine)
            guard let file else { return print(text, terminator: "") }
            return try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        var agenda = try store.agenda(eventSlug: event, person: me)
        if mine { agenda.items.removeAll { ![RSVPResponse.accepted, .tentative].contains($0.rsvp?.response) } }
        if json { return try printJSON(agenda) }
        print(AgendaText(agenda: agenda).render())
    }
}
