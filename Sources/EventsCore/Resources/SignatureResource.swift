/// `signatures`: a person signs a declaration for themselves, optionally with a reservation.
public enum SignatureResource: Resource {
    public typealias Model = Signature

    public struct Creation: Decodable, Sendable {
        public var declarationID: String
        /// Defaults to the person asking.
        public var personID: String?
        public var reservation: String?
    }

    public struct Changes: Decodable, Sendable {
        public var reservation: String?
    }

    public static let table = EventsTable.signatures.name
    public static let eventCondition = "t.declaration_id IN (SELECT id FROM declarations WHERE event_id = :event)"

    public static func create(_ input: Creation, caller: String?, in store: EventsStore) throws -> String {
        try store.sign(
            declaration: input.declarationID, person: try RSVPResource.owner(input.personID, caller: caller),
            reservation: input.reservation)
    }

    public static func update(id: String, _ changes: Changes, in store: EventsStore) throws {
        let current = try store.signature(id: id)
        try store.sign(
            declaration: current.declarationID, person: current.personID,
            reservation: changes.reservation ?? current.reservation)
    }

    public static func delete(id: String, in store: EventsStore) throws {
        try store.deleteSignature(id: id)
    }
}
