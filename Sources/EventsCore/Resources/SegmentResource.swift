/// `segments`: parts of an event such as the Civil Society Days; the event's organizers write them.
public enum SegmentResource: Resource {
    public typealias Model = Segment

    public struct Creation: Decodable, Sendable {
        public var eventID: String
        public var name: String
        public var startsOn: String?
        public var endsOn: String?
    }

    public struct Changes: Decodable, Sendable {
        public var name: String?
        public var startsOn: String?
        public var endsOn: String?
    }

    public static let table = EventsTable.segments.name

    public static func create(_ input: Creation, caller: String?, in store: EventsStore) throws -> String {
        try store.addSegment(eventSlug: input.eventID, name: input.name, startsOn: input.startsOn, endsOn: input.endsOn)
    }

    public static func update(id: String, _ changes: Changes, in store: EventsStore) throws {
        try store.editSegment(id: id, name: changes.name, startsOn: changes.startsOn, endsOn: changes.endsOn)
    }

    public static func delete(id: String, in store: EventsStore) throws {
        try store.deleteSegment(id: id)
    }
}
