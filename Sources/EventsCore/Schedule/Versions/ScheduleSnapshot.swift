import Crypto
import Foundation

/// An event's programme as its attendees see it at one moment: what a published version records and what
/// changes are measured between. Times, rooms, status, chairs and speakers; never a join link or an email.
/// Its canonical JSON (sorted keys, sessions by id) is what is stored and hashed, so one programme has one hash.
public struct ScheduleSnapshot: Codable, Sendable, Equatable {
    public struct SessionState: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var format: SessionFormat
        public var startsAt: Date
        public var endsAt: Date
        public var room: String?
        public var status: SessionStatus
        public var people: [PersonInRole]

        public var isCancelled: Bool { status == .cancelled }
    }

    /// A chair, speaker, moderator or rapporteur of a session, as attendees may see them.
    public struct PersonInRole: Codable, Sendable, Equatable {
        public var role: SessionRoleKind
        public var personID: String
        public var name: String
        public var organization: String?

        /// Someone a laptop remembered in a role who has since left its view: the role without the person.
        static func forgotten(_ role: SessionRoleKind) -> PersonInRole {
            PersonInRole(role: role, personID: "", name: "", organization: nil)
        }

        public var isForgotten: Bool { personID.isEmpty }
    }

    public var eventID: String
    public var sessions: [SessionState]

    public init(eventID: String, sessions: [SessionState]) {
        self.eventID = eventID
        self.sessions = sessions.sorted { $0.id < $1.id }
    }

    /// The empty programme: what version 0 stands for.
    public static func empty(eventID: String) -> ScheduleSnapshot {
        ScheduleSnapshot(eventID: eventID, sessions: [])
    }

    public func session(_ id: String) -> SessionState? {
        sessions.first { $0.id == id }
    }

    /// The sessions in which the person holds a role.
    func sessions(naming personID: String) -> [String] {
        sessions.filter { $0.people.contains { $0.personID == personID } }.map(\.id)
    }

    /// The stored form: compact JSON with sorted keys and instants in UTC.
    public func canonicalJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The SHA-256 of the canonical JSON, in hex.
    public func hash() throws -> String {
        Self.hash(ofCanonical: try canonicalJSON())
    }

    /// The SHA-256 of a programme's canonical JSON, for a caller that holds it already.
    static func hash(ofCanonical json: String) -> String {
        SHA256.hash(data: Data(json.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    public static func decode(_ json: String) throws -> ScheduleSnapshot {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(ScheduleSnapshot.self, from: Data(json.utf8))
    }
}
