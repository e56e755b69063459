/// `organizations`: governments, cities, civil society, companies; any organizer writes them.
public enum OrganizationResource: Resource {
    public typealias Model = Organization

    public struct Creation: Decodable, Sendable {
        public var name: String
        public var kind: String
        public var country: String?
        public var developmentStatus: String?
    }

    public struct Changes: Decodable, Sendable {
        public var name: String?
        public var kind: String?
        public var country: String?
        public var developmentStatus: String?
    }

    public static let table = EventsTable.organizations.name
    public static let eventCondition = "t.id IN (SELECT organization_id FROM people WHERE id IN (\(Participants.sql)))"

    public static func create(_ input: Creation, caller: String?, in store: EventsStore) throws -> String {
        try store.addOrganization(
            name: input.name, kind: input.kind, country: input.country, developmentStatus: input.developmentStatus)
    }

    public static func update(id: String, _ changes: Changes, in store: EventsStore) throws {
        try store.editOrganization(
            id: id, name: changes.name, kind: changes.kind, country: changes.country,
            developmentStatus: changes.developmentStatus)
    }

    public static func delete(id: String, in store: EventsStore) throws {
        try store.deleteOrganization(id: id)
    }
}
