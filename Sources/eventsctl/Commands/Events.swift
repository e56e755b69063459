import ArgumentParser
import EventsCore

struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Events in this replica.", subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an event; prints its id.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "A short unique name used by every other command, such as gfmd-2007.") var slug: String
        @Option(help: "The event's title.") var title: String
        @Option(help: "summit, forum, webinar, …") var kind = "summit"
        @Option(help: "The IANA time zone, such as America/New_York.") var timezone: String
        @Option(help: "First day, YYYY-MM-DD.") var starts: String
        @Option(help: "Last day, YYYY-MM-DD.") var ends: String
        @Option(help: "The venue.") var venue: String?
        @Option(help: "The city.") var city: String?
        @Option(help: "A series such as GFMD.") var series: String?
        @Flag(help: "Only invitees may RSVP.") var invitationOnly = false
        @Flag(help: "Keep the agenda unpublished.") var unpublished = false

        func run() throws {
            let draft = EventDraft(
                slug: slug, title: title, kind: kind, series: series, timezone: timezone, venue: venue, city: city,
                startsOn: starts,
                endsOn: ends, invitationOnly: invitationOnly, published: !unpublished)
            print(try global.location.openStore().addEvent(draft))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the events this laptop knows.")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let events = try global.location.openStore().events()
            if json { return try printJSON(events) }
            guard !events.isEmpty else { return print("No events yet: run 'eventsctl sync'.") }
            var table = TextTable(header: ["SLUG", "DATES", "KIND", "WHERE", "TITLE"])
            table.rows = events.map { event in
                let dates = event.startsOn == event.endsOn ? event.startsOn : "\(event.startsOn) – \(event.endsOn)"
                return [
                    event.slug, dates, event.kind + (event.invitationOnly ? " (invitation)" : ""),
                    event.city ?? event.venue ?? "", event.title,
                ]
            }
            print(table.render())
        }
    }
}
