/// The fields of an event to change; the slug identifies the event and may only be repeated.
public struct EventChanges: Decodable, Sendable {
    public var slug: String?
    public var title: String?
    public var kind: String?
    public var series: String?
    public var timezone: String?
    public var venue: String?
    public var city: String?
    public var startsOn: String?
    public var endsOn: String?
    public var invitationOnly: Bool?
    public var published: Bool?

    func applied(to event: Event) -> EventDraft {
        func optional(_ change: String?, _ current: String?) -> String? {
            guard let change else { return current }
            return change.isEmpty ? nil : change
        }
        return EventDraft(
            slug: event.slug, title: title ?? event.title, kind: kind ?? event.kind,
            series: optional(series, event.series),
            timezone: timezone ?? event.timezone, venue: optional(venue, event.venue), city: optional(city, event.city),
            startsOn: startsOn ?? event.startsOn, endsOn: endsOn ?? event.endsOn,
            invitationOnly: invitationOnly ?? event.invitationOnly,
            published: published ?? event.published)
    }
}
