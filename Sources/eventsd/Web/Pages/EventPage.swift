import EventsCore
import Foundation

/// `/events/SLUG`: the agenda day by day in one zone, with the exports to subscribe to.
struct EventPage {
    struct Day {
        var key: String
        var heading: String
        var sessions: [SessionSummary]
    }

    struct Exports {
        var subscribe: String
        var calendar: String
        var scheduleXML: String
        var scheduleJSON: String
    }

    var event: EventSummary
    var version: String?
    var exports: Exports
    var zone: ZoneControl
    var observers: [String]
    var hasObservers: Bool
    var days: [Day]

    init(agenda: Agenda, version: String?, shown: TimeZone, zones: [String], publicURL: String) {
        let event = agenda.event
        let times = PageTimes(zone: shown)
        let query = ZoneControl.query(shown: shown, eventZone: event.timeZone)
        self.event = EventSummary(event)
        self.version = version
        exports = Self.exports(of: event, publicURL: publicURL)
        zone = ZoneControl(action: WebPaths.event(event.slug), shown: shown, eventZone: event.timeZone, zones: zones)
        observers = agenda.observers
        hasObservers = !observers.isEmpty
        var days: [Day] = []
        for item in agenda.items {
            let key = times.day(of: item.session.startsAt)
            let summary = SessionSummary(item, eventSlug: event.slug, times: times, zoneQuery: query)
            if days.last?.key == key {
                days[days.count - 1].sessions.append(summary)
            } else {
                days.append(Day(key: key, heading: times.heading(of: item.session.startsAt), sessions: [summary]))
            }
        }
        self.days = days
    }

    private static func exports(of event: Event, publicURL: String) -> Exports {
        let files = publicURL + "/v1" + WebPaths.event(event.slug)
        let calendar = files + "/agenda.ics"
        return Exports(
            subscribe: PublicURL.webcal(calendar), calendar: calendar, scheduleXML: files + "/schedule.xml",
            scheduleJSON: files + "/schedule.json")
    }
}
