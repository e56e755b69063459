import EventsCore

/// An event as the pages name it: on the list of events and at the head of its agenda.
struct EventSummary {
    var title: String
    var path: String
    var kind: String
    var dates: String
    var place: String?
    var invitationOnly: Bool

    init(_ event: Event) {
        title = event.title
        path = WebPaths.event(event.slug)
        kind = VocabularyLabel.capitalized(event.kind)
        dates = PageTimes.dates(from: event.startsOn, to: event.endsOn)
        let place = [event.venue, event.city].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        self.place = place.isEmpty ? nil : place
        invitationOnly = event.invitationOnly
    }
}
