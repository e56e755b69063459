import EventsCore

/// `/`: the published events, those not yet over first.
struct HomePage {
    var upcoming: [EventSummary]
    var hasUpcoming: Bool
    var past: [EventSummary]
    var hasPast: Bool
    var hasEvents: Bool

    init(events: [Event], today: String) {
        upcoming = events.filter { $0.endsOn >= today }.map(EventSummary.init)
        past = events.filter { $0.endsOn < today }.map(EventSummary.init)
        hasUpcoming = !upcoming.isEmpty
        hasPast = !past.isEmpty
        hasEvents = hasUpcoming || hasPast
    }
}
