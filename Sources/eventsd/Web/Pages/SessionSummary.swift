import EventsCore
import Foundation

/// A session as a line of the agenda, in the zone the page is shown in.
struct SessionSummary {
    struct Person {
        var role: String
        var name: String
        var organization: String?
    }

    struct Link {
        var title: String
        var url: String
    }

    var id: String
    var path: String
    var title: String
    var start: String
    var end: String
    var startsAt: String
    var endsAt: String
    var format: String
    var room: String?
    var segment: String?
    var cancelled: Bool
    var chathamHouse: Bool
    var people: [Person]
    var hasPeople: Bool
    var links: [Link]
    var hasLinks: Bool

    /// `item` as its reader may see it (`EventsStore.agenda(eventSlug:seenBy:)`, which leaves a join link only
    /// where the reader may follow it), with only the links a browser may follow.
    init(_ item: Agenda.Item, eventSlug: String, times: PageTimes, zoneQuery: String) {
        let session = item.session
        id = session.id
        path = WebPaths.session(session.id, of: eventSlug) + zoneQuery
        title = session.title
        start = times.time(of: session.startsAt)
        end = times.time(of: session.endsAt)
        startsAt = times.machineReadable(session.startsAt)
        endsAt = times.machineReadable(session.endsAt)
        format = VocabularyLabel.spaced(session.format.rawValue)
        room = session.room ?? (session.joinURL != nil || session.format == .webinar ? "Online" : nil)
        segment = item.segment
        cancelled = session.isCancelled
        chathamHouse = session.chathamHouse
        var seen: Set<String> = []
        people = item.people.filter { seen.insert($0.role + $0.personID).inserted }.map {
            Person(role: VocabularyLabel.capitalized($0.role), name: $0.name, organization: $0.organization)
        }
        hasPeople = !people.isEmpty
        links = [
            WebPaths.followable(session.joinURL).map { Link(title: "Join online", url: $0) },
            WebPaths.followable(session.recordingURL).map { Link(title: "Recording", url: $0) },
        ].compactMap { $0 }
        hasLinks = !links.isEmpty
    }
}
