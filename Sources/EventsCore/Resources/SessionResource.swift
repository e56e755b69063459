/// `sessions`: the event's organizers schedule them; co-chairs change title, description and links.
public enum SessionResource: Resource {
    public typealias Model = Session

    public struct Creation: Decodable, Sendable {
        public var eventID: String
        public var title: String
        public var format: String?
        public var startsAt: String
        public var endsAt: String
        public var room: String?
        public var segmentID: String?
        public var joinURL: String?
        public var recordingURL: String?
        public var capacity: Int?
        public var invitationOnly: Bool?
        public var description: String?
    }

    public struct Changes: Decodable, Sendable {
        public var title: String?
        public var format: String?
        public var startsAt: String?
        public var endsAt: String?
        public var room: String?
        public var segmentID: String?
        public var joinURL: String?
        public var recordingURL: String?
        public var capacity: Int?
        public var invitationOnly: Bool?
        public var description: String?
        /// `cancelled` cancels the session, `scheduled` reinstates it.
        public var status: String?

        var draft: SessionDraft {
            SessionDraft(
                title: title, format: format, start: startsAt, end: endsAt, room: room, segment: segmentID, joinURL: joinURL,
                recordingURL: recordingURL, capacity: capacity, invitationOnly: invitationOnly, description: description)
        }
    }

    public static let table = "sessions"

    public static func create(_ input: Creation, caller: String?, in store: EventsStore) throws -> String {
        let draft = SessionDraft(
            title: input.title, format: input.format, start: input.startsAt, end: input.endsAt, room: input.room, segment: input.segmentID,
            joinURL: input.joinURL, recordingURL: input.recordingURL, capacity: input.capacity, invitationOnly: input.invitationOnly,
            description: input.description)
        return try store.addSession(eventSlug: input.eventID, draft)
    }

    public static func update(id: String, _ changes: Changes, in store: EventsStore) throws {
        let status = try changes.status.map { try SessionStatus.parse($0, field: "session status") }
        if status == .scheduled { try store.reinstateSession(id: id) }
        if changes.draft != SessionDraft() { try store.editSession(id: id, changes.draft) }
        if status == .cancelled { try store.cancelSession(id: id) }
        if status == nil, changes.draft == SessionDraft() { _ = try store.session(id: id) }
    }

    public static func delete(id: String, in store: EventsStore) throws {
        try store.deleteSession(id: id)
    }
}
