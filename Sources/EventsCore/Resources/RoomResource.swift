/// `rooms`: the venue's rooms and their seats; the event's organizers write them.
public enum RoomResource: Resource {
    public typealias Model = Room

    public struct Creation: Decodable, Sendable {
        public var eventID: String
        public var name: String
        public var capacity: Int
    }

    public struct Changes: Decodable, Sendable {
        public var name: String?
        public var capacity: Int?
    }

    public static let table = EventsTable.rooms.name

    public static func create(_ input: Creation, caller: String?, in store: EventsStore) throws -> String {
        try store.addRoom(eventSlug: input.eventID, name: input.name, capacity: input.capacity)
    }

    public static func update(id: String, _ changes: Changes, in store: EventsStore) throws {
        try store.editRoom(id: id, name: changes.name, capacity: changes.capacity)
    }

    public static func delete(id: String, in store: EventsStore) throws {
        try store.deleteRoom(id: id)
    }
}
