/// `observers`: organizations observing an event (an international organization at a State-led forum); the
/// event's organizers name them. Event and organization identify an observer; nothing of it changes.
public enum ObserverResource: Resource {
    public typealias Model = Observer

    public struct Creation: Decodable, Sendable {
        /// The event's id or slug.
        public var eventID: String
        /// The organization's id or name.
        public var organizationID: String
    }

    /// Nothing of an observer changes; the body is still a JSON object, as for every resource.
    public struct Changes: Decodable, Sendable {
        private struct NoKeys: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        public init(from decoder: any Decoder) throws {
            _ = try decoder.container(keyedBy: NoKeys.self)
        }
    }

    public static let table = EventsTable.observers.name

    public static func create(_ input: Creation, caller: String?, in store: EventsStore) throws -> String {
        try store.addObserver(eventSlug: input.eventID, organization: input.organizationID)
    }

    public static func update(id: String, _ changes: Changes, in store: EventsStore) throws {
        try store.requireObserver(id: id)
    }

    public static func delete(id: String, in store: EventsStore) throws {
        try store.removeObserver(id: id)
    }
}
