/// `session_roles` (`/v1/session-roles`): co-chairs, speakers, moderators, rapporteurs; the event's organizers
/// write them. Session, person and role identify a role; only its position changes.
public enum SessionRoleResource: Resource {
    public typealias Model = SessionRole

    public struct Creation: Decodable, Sendable {
        public var sessionID: String
        public var personID: String
        public var role: String
        public var position: Int?
    }

    public struct Changes: Decodable, Sendable {
        public var position: Int?
    }

    public static let table = EventsTable.sessionRoles.name
    public static let eventCondition = "t.session_id IN (SELECT id FROM sessions WHERE event_id = :event)"

    public static func create(_ input: Creation, caller: String?, in store: EventsStore) throws -> String {
        try store.addRole(
            sessionID: input.sessionID, person: input.personID, role: input.role, position: input.position)
    }

    public static func update(id: String, _ changes: Changes, in store: EventsStore) throws {
        try store.editRole(id: id, position: changes.position)
    }

    public static func delete(id: String, in store: EventsStore) throws {
        try store.deleteRole(id: id)
    }
}
