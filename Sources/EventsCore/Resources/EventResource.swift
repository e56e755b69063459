/// `events`: only administrators create or delete one; organizers change their own.
public enum EventResource: Resource {
    public typealias Model = Event
    public typealias Creation = EventDraft
    public typealias Changes = EventChanges

    public static let table = "events"
    public static let eventCondition = "t.id = :event"

    public static func id(of reference: String, in store: EventsStore) throws -> String {
        try store.replica.read { db in try EventsStore.eventID(reference, in: db) }
    }

    public static func create(_ input: EventDraft, caller: String?, in store: EventsStore) throws -> String {
        try store.addEvent(input)
    }

    public static func update(id: String, _ changes: EventChanges, in store: EventsStore) throws {
        try store.editEvent(id: id, changes)
    }

    public static func delete(id: String, in store: EventsStore) throws {
        try store.deleteEvent(id: id)
    }
}

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
            slug: event.slug, title: title ?? event.title, kind: kind ?? event.kind, series: optional(series, event.series),
            timezone: timezone ?? event.timezone, venue: optional(venue, event.venue), city: optional(city, event.city),
            startsOn: startsOn ?? event.startsOn, endsOn: endsOn ?? event.endsOn, invitationOnly: invitationOnly ?? event.invitationOnly,
            published: published ?? event.published)
    }
}
