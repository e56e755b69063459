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
    @Flag(help: "Export the programme as schedule.xml (the format frab and pretalx publish) to FILE or stdout.")
    var scheduleXml = false
    @Flag(help: "Export the programme as schedule.json to FILE or stdout.") var scheduleJson = false
    @Flag(help: "Only the sessions you accepted or are tentative for, with your answer.") var mine = false
    @Argument(help: "With --ics, --schedule-xml or --schedule-json: the file to write.") var file: String?

    func validate() throws {
        let exports = [ics, scheduleXml, scheduleJson].filter { $0 }.count
        if file != nil, exports == 0 {
            throw ValidationError("A file name only goes with --ics, --schedule-xml or --schedule-json.")
        }
        if json, ics { throw ValidationError("Choose --json or --ics, not both.") }
        if exports + (json ? 1 : 0) > 1 {
            throw ValidationError("Choose one of --json, --ics, --schedule-xml and --schedule-json.")
        }
        if mine, scheduleXml || scheduleJson { throw ValidationError("A schedule file holds the whole programme.") }
    }

    func run() throws {
        let home = global.location
        let me = person ?? (try? home.loadConfig())??.email
        if mine, me == nil { throw CLIError.unknownIdentity }
        let store = try home.openStore()
        if ics { return try export(try store.calendar(eventSlug: event, person: me, mine: mine)) }
        if scheduleXml || scheduleJson {
            let server = try home.loadConfig()?.server ?? ""
            let schedule = try store.schedule(eventSlug: event, baseURL: server)
            return try export(scheduleXml ? ScheduleXML(schedule).render() : ScheduleJSON(schedule).render())
        }
        var agenda = try store.agenda(eventSlug: event, person: me)
        if mine { agenda.items.removeAll { ![RSVPResponse.accepted, .tentative].contains($0.rsvp?.response) } }
        if json { return try printJSON(agenda) }
        print(AgendaText(agenda: agenda).render())
    }

    /// The text to FILE, or to stdout without one.
    private func export(_ text: String) throws {
        guard let file else { return print(text, terminator: "") }
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }
}
