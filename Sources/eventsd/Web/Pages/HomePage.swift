import EventsCore
import Foundation

/// `/`: the published events, those not yet over first.
struct HomePage {
    var upcoming: [EventSummary]
    var hasUpcoming: Bool
    var past: [EventSummary]
    var hasPast: Bool
    var hasEvents: Bool

    /// `events` as `EventsStore.events(seenBy:at:)` orders them.
    init(events: [Event], at now: Date) {
        upcoming = events.filter { !$0.isOver(at: now) }.map(EventSummary.init)
        past = events.filter { $0.isOver(at: now) }.map(EventSummary.init)
        hasUpcoming = !upcoming.isEmpty
        hasPast = !past.isEmpty
        hasEvents = hasUpcoming || hasPast
    }
}
