import GRDB

extension EventsStore {
    /// The event's agenda: sessions in time order with their segment, people in roles and, for `person`, the
    /// RSVP and the daemon's decision.
    public func agenda(eventSlug: String, person reference: String? = nil) throws -> Agenda {
        try replica.read { db in
            let event = try visibleEvent(eventSlug, in: db)
            let me = try reference.flatMap { try? Self.person($0, in: db) }
            let sessions = try Session.fetchAll(
                db, sql: "SELECT * FROM sessions WHERE event_id = ? ORDER BY starts_at, title, id",
                arguments: [event.id])
            let segments = Dictionary(
                try Segment.fetchAll(db, sql: "SELECT * FROM segments WHERE event_id = ?", arguments: [event.id]).map {
                    ($0.id, $0.name)
                },
                uniquingKeysWith: { first, _ in first })
            let items = try sessions.map { session in
                Agenda.Item(
                    session: session, segment: session.segmentID.flatMap { segments[$0] },
                    people: try Self.agendaPeople(sessionID: session.id, in: db),
                    rsvp: try me.flatMap {
                        try RSVP.fetchOne(
                            db, sql: "SELECT * FROM rsvps WHERE id = ?",
                            arguments: [RowID.rsvp(session: session.id, person: $0.id)])
                    }, joinRequiresSeat: try JoinLink.needsSeat(session: session.id, in: db),
                    documents: try Self.documents(ofSession: session.id, in: db))
            }
            return Agenda(
                event: event, items: items, observers: try Self.observerNames(eventID: event.id, in: db))
        }
    }

    private static func agendaPeople(sessionID: String, in db: Database) throws -> [Agenda.RolePerson] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT r.role, r.position, p.id AS person_id, p.name, p.email, o.name AS organization, o.country FROM session_roles r
                JOIN people p ON p.id = r.person_id LEFT JOIN organizations o ON o.id = p.organization_id
                WHERE r.session_id = ? ORDER BY CASE r.role WHEN 'co-chair' THEN 0 WHEN 'moderator' THEN 1 WHEN 'speaker' THEN 2 ELSE 3 END,
                r.position, p.name
                """,
            arguments: [sessionID]
        ).map { row in
            Agenda.RolePerson(
                personID: row[EventsColumn.personID], role: row[EventsColumn.role], name: row[EventsColumn.name],
                email: row[EventsColumn.email],
                organization: row["organization"], country: row[EventsColumn.country])
        }
    }
}
