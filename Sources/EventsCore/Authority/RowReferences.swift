/// Which rows name a row of another table: a row still named cannot be deleted, by a command or a push, by
/// anyone, so nothing is left dangling (a session with answers is cancelled instead).
enum RowReferences {
    struct Reference: Sendable {
        let table: String
        let column: String
    }

    static let namedBy: [String: [Reference]] = [
        "events": ["sessions", "segments", "rooms", "invitations", "declarations"].map { Reference(table: $0, column: "event_id") },
        "segments": [Reference(table: "sessions", column: "segment_id")],
        "rooms": [Reference(table: "sessions", column: "room_id")],
        "sessions": [Reference(table: "rsvps", column: "session_id"), Reference(table: "invitations", column: "session_id")],
        "organizations": [Reference(table: "people", column: "organization_id")],
        "people": ["session_roles", "invitations", "rsvps", "signatures"].map { Reference(table: $0, column: "person_id") }
            + [Reference(table: "rsvps", column: "substitute_id")],
        "declarations": [Reference(table: "signatures", column: "declaration_id")],
    ]
}
