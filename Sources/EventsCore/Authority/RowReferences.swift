/// Which rows name a row of another table: a row still named cannot be deleted, by a command or a push, by
/// anyone, so nothing is left dangling (a session with answers is cancelled instead).
enum RowReferences {
    struct Reference: Sendable {
        let table: EventsTable
        let column: EventsColumn
    }

    static let namedBy: [EventsTable: [Reference]] = [
        .events: [
            EventsTable.sessions, .segments, .rooms, .invitations, .declarations, .scheduleVersions, .observers,
        ].map {
            Reference(table: $0, column: .eventID)
        },
        .segments: [Reference(table: .sessions, column: .segmentID)],
        .rooms: [Reference(table: .sessions, column: .roomID)],
        .sessions: [EventsTable.rsvps, .invitations, .statements, .documents].map {
            Reference(table: $0, column: .sessionID)
        },
        .organizations: [
            Reference(table: .people, column: .organizationID), Reference(table: .statements, column: .onBehalfOf),
            Reference(table: .observers, column: .organizationID),
            Reference(table: .bodyMembers, column: .organizationID), Reference(table: .events, column: .hostID),
            Reference(table: .events, column: .nextHostID),
        ],
        .people: [EventsTable.sessionRoles, .invitations, .rsvps, .signatures, .statements].map {
            Reference(table: $0, column: .personID)
        } + [Reference(table: .rsvps, column: .substituteID)],
        .declarations: [Reference(table: .signatures, column: .declarationID)],
        .bodies: [Reference(table: .bodyMembers, column: .bodyID)],
    ]
}
