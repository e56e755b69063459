import Foundation
import GRDB

/// The scheduling rules, shared by the commands (which refuse a violating edit) and by the conflict report
/// (which finds violations that offline edits of two organizers created together after a sync).
enum Rules {
    static let live = "coalesce(s.status, 'scheduled') <> 'cancelled'"

    /// The session starts and ends within the event's dates, read in the event's time zone.
    static func liesWithin(_ session: Session, _ event: Event) -> Bool {
        guard let first = Instant.startOfDay(event.startsOn, in: event.timeZone),
            let last = Instant.startOfDay(event.endsOn, in: event.timeZone)
        else { return false }
        let end = Calendar.gregorian(in: event.timeZone).date(byAdding: .day, value: 1, to: last) ?? last
        return session.startsAt >= first && session.endsAt <= end
    }

    /// Another live session in the same room at an overlapping time, in this event or a sibling event in the
    /// same city (one venue often hosts several meetings in a week).
    static func roomClash(for session: Session, event: Event, in db: Database) throws -> Session? {
        guard let room = session.room, !session.isCancelled else { return nil }
        return try Session.fetchOne(
            db,
            sql: """
                SELECT s.* FROM sessions s JOIN events e ON e.id = s.event_id
                WHERE s.id <> ? AND s.room = ? AND \(live) AND s.starts_at < ? AND ? < s.ends_at
                AND (e.id = ? OR (e.city IS NOT NULL AND e.city = ?))
                ORDER BY s.starts_at, s.id LIMIT 1
                """,
            arguments: [
                session.id, room, Instant.format(session.endsAt), Instant.format(session.startsAt), event.id,
                event.city,
            ])
    }

    /// Another live session at an overlapping time where the person also has a role, in any event: nobody is
    /// in two places at once.
    static func personClash(personID: String, in session: Session, db: Database) throws -> Session? {
        guard !session.isCancelled else { return nil }
        return try Session.fetchOne(
            db,
            sql: """
                SELECT s.* FROM session_roles r JOIN sessions s ON s.id = r.session_id
                WHERE r.person_id = ? AND s.id <> ? AND \(live) AND s.starts_at < ? AND ? < s.ends_at
                ORDER BY s.starts_at, s.id LIMIT 1
                """,
            arguments: [personID, session.id, Instant.format(session.endsAt), Instant.format(session.startsAt)])
    }

    /// The co-chairs of a session who speak for an observer of its event, or for an international organization
    /// (observers at State-led meetings), as "Name (Organization)".
    static func observersCoChairing(_ session: Session, in db: Database) throws -> [String] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT p.name, o.name AS organization FROM session_roles r
                JOIN people p ON p.id = r.person_id JOIN organizations o ON o.id = p.organization_id
                WHERE r.session_id = :session AND r.role = 'co-chair'
                AND (o.kind = 'international-organization'
                    OR EXISTS (SELECT 1 FROM observers x WHERE x.event_id = :event AND x.organization_id = o.id))
                ORDER BY r.position, p.name
                """,
            arguments: ["session": session.id, "event": session.eventID]
        ).map { row in "\(row[EventsColumn.name] as String? ?? "?") (\(row["organization"] as String? ?? "?"))" }
    }

    /// Each Steering Group of the event's series whose government members serving at the event's dates are not
    /// balanced between developed and developing countries (the two counts differ by more than one), described.
    static func steeringGroupImbalances(for event: Event, in db: Database) throws -> [String] {
        guard let series = event.series else { return [] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT b.name, sum(o.development_status = 'developed') AS developed,
                    sum(o.development_status = 'developing') AS developing
                FROM bodies b JOIN body_members m ON m.body_id = b.id
                JOIN organizations o ON o.id = m.organization_id AND o.kind = 'government'
                WHERE b.series = :bodySeries COLLATE NOCASE AND b.kind = 'steering-group'
                AND coalesce(m.starts_on, '') <= :last AND coalesce(m.ends_on, '9999-12-31') >= :first
                GROUP BY b.id ORDER BY b.name
                """,
            arguments: ["bodySeries": series, "first": event.startsOn, "last": event.endsOn])
        return rows.compactMap { row in
            let developed: Int = row["developed"] ?? 0
            let developing: Int = row["developing"] ?? 0
            guard abs(developed - developing) > 1 else { return nil }
            return "\(series) \(row[EventsColumn.name] as String? ?? "Steering Group") is unbalanced at \(event.slug): "
                + "\(developed) developed and \(developing) developing government(s)."
        }
    }

    /// What is wrong with a GFMD roundtable's co-chairs, if anything: it needs exactly two, governments, one
    /// developed and one developing.
    static func coChairProblem(of session: Session, in db: Database) throws -> String? {
        let chairs = try Row.fetchAll(
            db,
            sql: """
                SELECT p.name, o.kind, o.development_status, o.name AS organization FROM session_roles r
                JOIN people p ON p.id = r.person_id LEFT JOIN organizations o ON o.id = p.organization_id
                WHERE r.session_id = ? AND r.role = 'co-chair' ORDER BY r.position, p.name
                """,
            arguments: [session.id])
        guard chairs.count == 2 else {
            return "A GFMD roundtable needs exactly two co-chairs; '\(session.title)' has \(chairs.count)."
        }
        let statuses = chairs.map { row -> String? in
            row[EventsColumn.kind] == OrganizationKind.government.rawValue ? row[EventsColumn.developmentStatus] : nil
        }
        guard
            Set(statuses.compactMap { $0 }) == [
                DevelopmentStatus.developed.rawValue, DevelopmentStatus.developing.rawValue,
            ]
        else {
            let described = chairs.map { row in
                let name: String = row[EventsColumn.name] ?? "?"
                let organization: String = row["organization"] ?? "no organization"
                let status: String = row[EventsColumn.developmentStatus] ?? "not a government"
                return "\(name) (\(organization), \(status))"
            }
            return "'\(session.title)' must be co-chaired by one developed- and one developing-country government; "
                + "it has \(described.joined(separator: " and "))."
        }
        return nil
    }
}

extension Calendar {
    static func gregorian(in zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}
