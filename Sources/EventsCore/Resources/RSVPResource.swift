/// `rsvps`: a person's answer for a session (theirs to write, or an organizer's) and the daemon's seat
/// decision (the daemon's alone, decided in the same transaction as the answer).
public enum RSVPResource: Resource {
    public typealias Model = RSVP

    public struct Creation: Decodable, Sendable {
        public var sessionID: String
        /// Defaults to the person asking.
        public var personID: String?
        public var response: String
        public var substituteID: String?
    }

    public struct Changes: Decodable, Sendable {
        public var response: String?
        public var substituteID: String?
    }

    public static let table = EventsTable.rsvps.name
    public static let eventCondition = "t.session_id IN (SELECT id FROM sessions WHERE event_id = :event)"

    public static func create(_ input: Creation, caller: String?, in store: EventsStore) throws -> String {
        try store.respond(
            sessionID: input.sessionID, person: try owner(input.personID, caller: caller), response: input.response,
            substitute: input.substituteID)
    }

    public static func update(id: String, _ changes: Changes, in store: EventsStore) throws {
        let current = try store.rsvp(id: id)
        let response = changes.response ?? current.response.rawValue
        let substitute =
            response == RSVPResponse.delegated.rawValue
            ? changes.substituteID ?? current.substituteID : changes.substituteID
        try store.respond(
            sessionID: current.sessionID, person: current.personID, response: response, substitute: substitute)
    }

    public static func delete(id: String, in store: EventsStore) throws {
        try store.deleteRSVP(id: id)
    }

    static func owner(_ personID: String?, caller: String?) throws -> String {
        guard let person = personID ?? caller else { throw EventsError.personMissing }
        return person
    }
}
