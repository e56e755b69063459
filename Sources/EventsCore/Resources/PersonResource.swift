/// `people`: organizers write them; a person changes their own name and details. The email identifies a
/// person (an account's person is the one with its email) and cannot change.
public enum PersonResource: Resource {
    public typealias Model = Person

    public struct Creation: Decodable, Sendable {
        public var name: String
        public var email: String?
        public var organizationID: String?
        public var country: String?
    }

    public struct Changes: Decodable, Sendable {
        public var name: String?
        public var email: String?
        public var organizationID: String?
        public var country: String?
    }

    public static let table = EventsTable.people.name
    public static let eventCondition = "t.id IN (\(Participants.sql))"

    public static func create(_ input: Creation, caller: String?, in store: EventsStore) throws -> String {
        try store.addPerson(
            name: input.name, email: input.email, organization: input.organizationID, country: input.country)
    }

    public static func update(id: String, _ changes: Changes, in store: EventsStore) throws {
        if let email = changes.email,
            try store.person(id: id).email.map(EmailAddress.canonical) != EmailAddress.canonical(email)
        {
            throw EventsError.unchangeable(field: EventsColumn.email.name, kind: EventsTable.people.singularNoun)
        }
        try store.editPerson(id: id, name: changes.name, organization: changes.organizationID, country: changes.country)
    }

    public static func delete(id: String, in store: EventsStore) throws {
        try store.deletePerson(id: id)
    }
}
