/// Which rows name a row of another table: a row still named cannot be deleted, by a command or a push, by
/// anyone, so nothing is left dangling (a session with answers is cancelled instead).
enum RowReferences {
    struct Reference: Sendable {
        let table: String
        let column: String
    }

    static let namedBy: [String: [Reference]] = [
        EventsTable.events.name: [
            EventsTable.sessions.name, EventsTable.segments.name, EventsTable.rooms.name, EventsTable.invitations.name,
            EventsTable.declarations.name,
        ].map { Reference(table: $0, column: "event_id") },
        EventsTable.segments.name: [Reference(table: EventsTable.sessions.name, column: "segment_id")],
        EventsTable.rooms.name: [Reference(table: EventsTable.sessions.name, column: "room_id")],
        EventsTable.sessions.name: [
            Reference(table: EventsTable.rsvps.name, column: "session_id"),
            Reference(table: EventsTable.invitations.name, column: "session_id"),
        ],
        EventsTable.organizations.name: [Reference(table: EventsTable.people.name, column: "organization_id")],
        EventsTable.people.name: [
            EventsTable.sessionRoles.name, EventsTable.invitations.name, EventsTable.rsvps.name,
            EventsTable.signatures.name,
        ].map { Reference(table: $0, column: "person_id") }
            + [Reference(table: EventsTable.rsvps.name, column: "substitute_id")],
        EventsTable.declarations.name: [Reference(table: EventsTable.signatures.name, column: "declaration_id")],
    ]
}
