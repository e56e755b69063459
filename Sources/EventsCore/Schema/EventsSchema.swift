import Sync

/// The replicated tables of the events domain. Times are ISO 8601 instants in UTC (`starts_at`), dates are
/// `YYYY-MM-DD` in the event's own time zone (`starts_on`).
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

    public static let sessions = ReplicatedTable(
        "sessions",
        columns: [
            .init("event_id", .text), .init("title", .text), .init("format", .text), .init("starts_at", .text),
            .init("ends_at", .text), .init("room", .text), .init("status", .text),
        ],
        indexed: ["event_id"])

    public static let replicated = ReplicatedSchema(version: version, tables: [events, sessions])
}
