import ArgumentParser
import EventsCore

extension Events {
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
}
