import GRDB

extension ScheduleSnapshot {
    /// The event's programme as its attendees see it in `db`: every session, with the people in its roles by
    /// name and organization (none under the Chatham House Rule, whose names only participants learn).
    static func read(eventID: String, in db: Database) throws -> ScheduleSnapshot {
        let sessions = try Session.fetchAll(
            db, sql: "SELECT * FROM sessions WHERE event_id = ?", arguments: [eventID])
        let people = try peopleInRoles(eventID: eventID, in: db)
        return ScheduleSnapshot(
            eventID: eventID,
            sessions: sessions.map { session in
                SessionState(
                    id: session.id, title: session.title, format: session.format, startsAt: session.startsAt,
                    endsAt: session.endsAt, room: session.room, status: session.status,
                    people: session.chathamHouse ? [] : people[session.id] ?? [])
            })
    }

    /// The people in the roles of the event's sessions, by session, chairs first, in their order.
    private static func peopleInRoles(eventID: String, in db: Database) throws -> [String: [PersonInRole]] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT r.session_id, r.role, p.id AS person_id, p.name, o.name AS organization
                FROM session_roles r JOIN sessions s ON s.id = r.session_id JOIN people p ON p.id = r.person_id
                LEFT JOIN organizations o ON o.id = p.organization_id
                WHERE s.event_id = ?
                ORDER BY r.session_id, CASE r.role WHEN 'co-chair' THEN 0 WHEN 'moderator' THEN 1 WHEN 'speaker' THEN 2 ELSE 3 END,
                r.position, p.name, p.id
                """,
            arguments: [eventID])
        var people: [String: [PersonInRole]] = [:]
        for row in rows {
            guard let role = SessionRoleKind(rawValue: row[EventsColumn.role] ?? "") else { continue }
            people[row[EventsColumn.sessionID], default: []].append(
                PersonInRole(
                    role: role, personID: row[EventsColumn.personID], name: row[EventsColumn.name] ?? "",
                    organization: row["organization"]))
        }
        return people
    }
}
