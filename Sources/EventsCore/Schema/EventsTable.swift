/// The replicated tables of the events domain by name: code names a table through this type, so a misspelt
/// table does not compile, and a switch over tables says which ones it leaves out.
public enum EventsTable: String, CaseIterable, Sendable {
    case events, segments, rooms, sessions, organizations, people, invitations, rsvps, declarations, signatures
    case sessionRoles = "session_roles"
    case scheduleVersions = "schedule_versions"
    case documents, statements, observers, bodies
    case bodyMembers = "body_members"

    /// The table's name in SQL and on the wire.
    public var name: String { rawValue }

    /// A row of the table as a person names it: "session role", "person".
    public var singularNoun: String {
        switch self {
        case .people: "person"
        case .bodies: "body"
        case .rsvps: "RSVP"
        default: name.replacingOccurrences(of: "_", with: " ").replacing(/s$/, with: "")
        }
    }
}
