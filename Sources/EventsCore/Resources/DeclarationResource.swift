/// `declarations`: texts such as a Call to Action; the event's organizers write them, administrators those
/// without an event (a convention open for signature).
public enum DeclarationResource: Resource {
    public typealias Model = Declaration

    public struct Creation: Decodable, Sendable {
        public var eventID: String?
        public var title: String
        public var text: String?
        public var published: Bool?
        public var publicSigning: Bool?
    }

    public struct Changes: Decodable, Sendable {
        public var title: String?
        public var text: String?
        public var published: Bool?
        public var publicSigning: Bool?
    }

    public static let table = EventsTable.declarations.name

    public static func create(_ input: Creation, caller: String?, in store: EventsStore) throws -> String {
        try store.addDeclaration(
            eventSlug: input.eventID, title: input.title, text: input.text, published: input.published ?? false,
            publicSigning: input.publicSigning ?? false)
    }

    public static func update(id: String, _ changes: Changes, in store: EventsStore) throws {
        try store.editDeclaration(
            id: id,
            DeclarationChanges(
                title: changes.title, text: changes.text, published: changes.published,
                publicSigning: changes.publicSigning))
    }

    public static func delete(id: String, in store: EventsStore) throws {
        try store.deleteDeclaration(id: id)
    }
}
