/// `events`: only administrators create or delete one; organizers change their own.
public enum EventResource: Resource {
    public typealias Model = Event
    public typealias Creation = EventDraft
    public typealias Changes = EventChanges

    public static let table = EventsTable.events.name
    public static let eventCondition = "t.id = :event"

    public static func id(of reference: String, in store: EventsStore) throws -> String {
        try store.replica.read { db in try store.visibleEvent(reference, in: db).id }
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
