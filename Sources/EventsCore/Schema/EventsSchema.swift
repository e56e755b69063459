import Sync

/// The replicated tables of the events domain. Times are ISO 8601 instants in UTC (`starts_at`), dates are
/// `YYYY-MM-DD` in the event's own time zone (`starts_on`). Rows that several organizers may create offline
/// for the same thing (an invitation, a role, an RSVP, a signature) have ids derived from what they link, so
/// they merge into one row.
public enum EventsSchema {
    /// 2: sessions hold their room's id (`room_id`), so seats follow the room through renames.
    /// 3: a waitlisted RSVP holds its place in the queue (`waitlist_position`), not only in the reason's words.
    public static let version = 3

    static let title = ValueDomain.text(max: 300)
    static let name = ValueDomain.text(max: 300)
    static let longText = ValueDomain.text(max: 20_000)
    static let seats = ValueDomain.integer(1...1_000_000)

    public static let events = ReplicatedTable(
        EventsTable.events.name,
        columns: [
            .init("slug", .text(max: 64)), .init("title", title), .init("kind", .text(max: 64)),
            .init("series", .text(max: 200)),
            .init("timezone", .timeZone), .init("venue", name), .init("city", name), .init("starts_on", .date),
            .init("ends_on", .date), .init("invitation_only", .boolean), .init("published", .boolean),
        ],
        indexed: ["slug"], deletionScope: ["published"])

    public static let segments = ReplicatedTable(
        EventsTable.segments.name,
        columns: [
            .init("event_id", .identifier), .init("name", name), .init("starts_on", .date), .init("ends_on", .date),
        ],
        indexed: ["event_id"], deletionScope: ["event_id"])

    public static let rooms = ReplicatedTable(
        EventsTable.rooms.name,
        columns: [.init("event_id", .identifier), .init("name", name), .init("capacity", seats)],
        indexed: ["event_id"], deletionScope: ["event_id"])

    public static let sessions = ReplicatedTable(
        EventsTable.sessions.name,
        columns: [
            .init("event_id", .identifier), .init("title", title),
            .init("format", .word(SessionFormat.allCases.map(\.rawValue))), .init("starts_at", .instant),
            .init("ends_at", .instant), .init("room", name),
            .init("status", .word(SessionStatus.allCases.map(\.rawValue))), .init("segment_id", .identifier),
            .init("join_url", .url), .init("recording_url", .url), .init("capacity", seats),
            .init("invitation_only", .boolean), .init("description", longText),
            .init("sequence", .integer(0...Int64(Int32.max))),
            .init("room_id", .identifier, since: 2),
        ],
        indexed: ["event_id"], deletionScope: ["event_id"])

    public static let organizations = ReplicatedTable(
        EventsTable.organizations.name,
        columns: [
            .init("name", name), .init("kind", .word(OrganizationKind.allCases.map(\.rawValue))),
            .init("country", name), .init("development_status", .word(DevelopmentStatus.allCases.map(\.rawValue))),
        ])

    public static let people = ReplicatedTable(
        EventsTable.people.name,
        columns: [
            .init("name", name), .init("email", .email), .init("organization_id", .identifier), .init("country", name),
        ],
        indexed: ["email"])

    public static let sessionRoles = ReplicatedTable(
        EventsTable.sessionRoles.name,
        columns: [
            .init("session_id", .identifier), .init("person_id", .identifier),
            .init("role", .word(SessionRoleKind.allCases.map(\.rawValue))),
            .init("position", .integer(-1_000_000...1_000_000)),
        ],
        indexed: ["session_id", "person_id"], deletionScope: ["session_id", "person_id"])

    public static let invitations = ReplicatedTable(
        EventsTable.invitations.name,
        columns: [
            .init("event_id", .identifier), .init("session_id", .identifier), .init("person_id", .identifier),
            .init("invited_by", name),
        ],
        indexed: ["event_id", "person_id"], deletionScope: ["event_id", "session_id", "person_id"])

    public static let rsvps = ReplicatedTable(
        EventsTable.rsvps.name,
        columns: [
            .init("session_id", .identifier), .init("person_id", .identifier),
            .init("response", .word(RSVPResponse.allCases.map(\.rawValue))), .init("substitute_id", .identifier),
            .init("decision", .word(SeatDecision.allCases.map(\.rawValue))), .init("decision_reason", .text(max: 500)),
            .init("responded_at", .instant),
            .init("waitlist_position", .integer(1...1_000_000), since: 3),
        ],
        indexed: ["session_id", "person_id"], deletionScope: ["session_id", "person_id"])

    public static let declarations = ReplicatedTable(
        EventsTable.declarations.name,
        columns: [.init("event_id", .identifier), .init("title", title), .init("text", .text(max: 500_000))],
        indexed: ["event_id"], deletionScope: ["event_id"])

    public static let signatures = ReplicatedTable(
        EventsTable.signatures.name,
        columns: [
            .init("declaration_id", .identifier), .init("person_id", .identifier), .init("reservation", longText),
            .init("signed_at", .instant),
        ],
        indexed: ["declaration_id"], deletionScope: ["declaration_id", "person_id"])

    public static let replicated = ReplicatedSchema(
        version: version,
        tables: [
            events, segments, rooms, sessions, organizations, people, sessionRoles, invitations, rsvps, declarations,
            signatures,
        ])
}
