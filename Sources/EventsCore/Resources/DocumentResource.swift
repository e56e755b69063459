/// `documents`: a session's working papers and other documents, by link (fixed: another link is another
/// document); the event's organizers write them.
public enum DocumentResource: Resource {
    public typealias Model = Document

    public struct Creation: Decodable, Sendable {
        public var sessionID: String
        public var title: String
        public var url: String
        public var language: String?
    }

    public struct Changes: Decodable, Sendable {
        public var title: String?
        public var language: String?
    }

    public static let table = EventsTable.documents.name
    public static let eventCondition = "t.session_id IN (SELECT id FROM sessions WHERE event_id = :event)"

    public static func create(_ input: Creation, caller: String?, in store: EventsStore) throws -> String {
        try store.addDocument(
            sessionID: input.sessionID, title: input.title, url: input.url, language: input.language)
    }

    public static func update(id: String, _ changes: Changes, in store: EventsStore) throws {
        try store.editDocument(id: id, title: changes.title, language: changes.language)
    }

    public static func delete(id: String, in store: EventsStore) throws {
        try store.removeDocument(id: id)
    }
}
