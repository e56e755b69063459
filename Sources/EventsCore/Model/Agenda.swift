/// An event's agenda as people read it.
public struct Agenda: Codable, Sendable {
    public struct RolePerson: Codable, Sendable, Equatable {
        public var personID: String
        public var role: String
        public var name: String
        public var email: String?
        public var organization: String?
        public var country: String?
    }

    public struct Item: Codable, Sendable {
        public var session: Session
        public var segment: String?
        public var people: [RolePerson]
        /// The reader's own RSVP, when the agenda was asked for a person.
        public var rsvp: RSVP?
        /// The session needs a seat, so its join link reaches only those who hold one (and organizers, chairs
        /// and speakers).
        public var joinRequiresSeat = false
        /// Working papers and other documents of the session.
        public var documents: [Document] = []
    }

    public var event: Event
    public var items: [Item]
    /// The organizations observing the event, by name.
    public var observers: [String] = []
}
