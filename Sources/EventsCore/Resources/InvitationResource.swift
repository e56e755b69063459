/// `invitations`: to a whole event or one session; the event's organizers write them.
public enum InvitationResource: Resource {
    public typealias Model = Invitation

    public struct Creation: Decodable, Sendable {
        public var eventID: String
        public var sessionID: String?
        public var personID: String
        public var invitedBy: String?
    }

    public struct Changes: Decodable, Sendable {
        public var invitedBy: String?
    }

    public static let table = EventsTable.invitations.name

    public static func create(_ input: Creation, caller: String?, in store: EventsStore) throws -> String {
        try store.invite(
            eventSlug: input.eventID, sessionID: input.sessionID, person: input.personID,
            invitedBy: input.invitedBy ?? caller)
    }

    public static func update(id: String, _ changes: Changes, in store: EventsStore) throws {
        try store.editInvitation(id: id, invitedBy: changes.invitedBy)
    }

    public static func delete(id: String, in store: EventsStore) throws {
        try store.deleteInvitation(id: id)
    }
}
