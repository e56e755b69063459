import Sync

/// The replicated tables of the events domain. Times are ISO 8601 instants in UTC (`starts_at`), dates are
/// `YYYY-MM-DD` in the event's own time zone (`starts_on`). Rows that several organizers may create offline
/// for the same thing (an invitation, a role, an RSVP, a signature) have ids derived from what they link, so
/// they merge into one row.
public enum EventsSchema {
    public static let version = 1

    public static let events = ReplicatedTable(
        "events",
        columns: [
            .init("slug", .text), .init("title", .text), .init("kind", .text), .init("series", .text),
            .init("timezone", .text), .init("venue", .text), .init("city", .text), .init("starts_on", .text),
            .init("ends_on", .text), .init("invitation_only", .integer), .init("published", .integer),
        ],
        indexed: ["slug"])

    public static let segments = ReplicatedTable(
        "segments",
        columns: [.init("event_id", .text), .init("name", .text), .init("starts_on", .text), .init("ends_on", .text)],
        indexed: ["event_id"])

    public static let rooms = ReplicatedTable(
        "rooms",
        columns: [.init("event_id", .text), .init("name", .text), .init("capacity", .integer)],
        indexed: ["event_id"])

    public static let sessions = ReplicatedTable(
        "sessions",
        columns: [
            .init("event_id", .text), .init("title", .text), .init("format", .text), .init("starts_at", .text),
            .init("ends_at", .text), .init("room", .text), .init("status", .text), .init("segment_id", .text),
            .init("join_url", .text), .init("recording_url", .text), .init("capacity", .integer),
            .init("invitation_only", .integer), .init("description", .text), .init("sequence", .integer),
        ],
        indexed: ["event_id"])

    public static let organizations = ReplicatedTable(
        "organizations",
        columns: [
            .init("name", .text), .init("kind", .text), .init("country", .text), .init("development_status", .text),
        ])

    public static let people = ReplicatedTable(
        "people",
        columns: [.init("name", .text), .init("email", .text), .init("organization_id", .text), .init("country", .text)],
        indexed: ["email"])

    public static let sessionRoles = ReplicatedTable(
        "session_roles",
        columns: [.init("session_id", .text), .init("person_id", .text), .init("role", .text), .init("position", .integer)],
        indexed: ["session_id", "person_id"])

    public static let invitations = ReplicatedTable(
        "invitations",
        columns: [.init("event_id", .text), .init("session_id", .text), .init("person_id", .text), .init("invited_by", .text)],
        indexed: ["event_id", "person_id"])

    public static let rsvps = ReplicatedTable(
        "rsvps",
        columns: [
            .init("session_id", .text), .init("person_id", .text), .init("response", .text), .init("substitute_id", .text),
            .init("decision", .text), .init("decision_reason", .text), .init("responded_at", .text),
        ],
        indexed: ["session_id", "person_id"])

    public static let declarations = ReplicatedTable(
        "declarations",
        columns: [.init("event_id", .text), .init("title", .text), .init("text", .text)],
        indexed: ["event_id"])

    public static let signatures = ReplicatedTable(
        "signatures",
        columns: [
            .init("declaration_id", .text), .init("person_id", .text), .init("reservation", .text), .init("signed_at", .text),
        ],
        indexed: ["declaration_id"])

    public static let replicated = ReplicatedSchema(
        version: version,
        tables: [events, segments, rooms, sessions, organizations, people, sessionRoles, invitations, rsvps, declarations, signatures])
}
