import GRDB

/// `sessions`: the event's organizers schedule them; co-chairs change title, description and links.
public enum SessionResource: Resource {
    public typealias Model = Session

    public struct Creation: Decodable, Sendable {
        /// A client's own id for the new session, so that retrying a creation cannot make two (1 to 64 letters,
        /// digits and '-'); a new UUID when absent.
        public var id: String?
        public var eventID: String
        /// The session's fields, read as a change reads them; title, start and end are required.
        public var fields: Changes

        private enum CodingKeys: String, CodingKey { case id, eventID, title, startsAt, endsAt }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decodeIfPresent(String.self, forKey: .id)
            eventID = try container.decode(String.self, forKey: .eventID)
            for required in [CodingKeys.title, .startsAt, .endsAt] {
                _ = try container.decode(String.self, forKey: required)
            }
            fields = try Changes(from: decoder)
        }
    }

    /// The session's fields as a draft, and a status: `cancelled` cancels the session, `scheduled` reinstates it.
    public struct Changes: Decodable, Sendable {
        public var draft: SessionDraft
        public var status: String?

        private enum CodingKeys: String, CodingKey { case status }

        public init(from decoder: any Decoder) throws {
            draft = try SessionDraft(from: decoder)
            status = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .status)
        }
    }

    public static let table = EventsTable.sessions.name

    public static func annotate(_ model: inout Session, in db: Database) throws {
        model.joinRequiresSeat = try JoinLink.needsSeat(session: model.id, in: db)
    }

    public static func create(_ input: Creation, caller: String?, in store: EventsStore) throws -> String {
        guard let id = input.id else { return try store.addSession(eventSlug: input.eventID, input.fields.draft) }
        guard (1...64).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else {
            throw EventsError.invalidSessionID(id)
        }
        return try store.addSession(eventSlug: input.eventID, input.fields.draft, id: id)
    }

    public static func update(id: String, _ changes: Changes, in store: EventsStore) throws {
        let status = try changes.status.map { try SessionStatus.parse($0, field: "session status") }
        try store.editSession(id: id, changes.draft, status: status)
    }

    public static func delete(id: String, in store: EventsStore) throws {
        try store.deleteSession(id: id)
    }
}
