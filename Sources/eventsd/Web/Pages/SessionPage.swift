import EventsCore
import Foundation

/// `/events/SLUG/sessions/ID`: one session with its description and documents.
struct SessionPage {
    struct Document {
        var title: String
        var url: String?
        var language: String?
    }

    var event: EventSummary
    var session: SessionSummary
    var day: String
    var zone: ZoneControl
    var chathamHouseNotice: String?
    var description: String?
    var documents: [Document]
    var hasDocuments: Bool

    init(item: Agenda.Item, event: Event, shown: TimeZone, zones: [String]) {
        let times = PageTimes(zone: shown)
        let query = ZoneControl.query(shown: shown, eventZone: event.timeZone)
        self.event = EventSummary(event)
        self.event.path += query
        session = SessionSummary(item, eventSlug: event.slug, times: times, zoneQuery: query)
        day = times.heading(of: item.session.startsAt)
        zone = ZoneControl(
            action: WebPaths.session(item.session.id, of: event.slug), shown: shown, eventZone: event.timeZone,
            zones: zones)
        chathamHouseNotice = item.session.chathamHouse ? Session.chathamHouseNotice : nil
        description = item.session.description.flatMap { $0.isEmpty ? nil : $0 }
        documents = item.documents.map {
            Document(title: $0.title, url: WebPaths.followable($0.url), language: $0.language)
        }
        hasDocuments = !documents.isEmpty
    }
}
