import GRDB

/// A session's join link is private when the session needs a seat — it has a capacity (its own or its room's),
/// or it or its event is by invitation only. Then only the event's organizers, people with a role in the
/// session and people holding a confirmed seat receive it; everyone else, the public included, does not.
enum JoinLink {
    static func needsSeat(session: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(
                sql:
                    "SELECT \(needsSeatCondition) FROM sessions s LEFT JOIN events e ON e.id = s.event_id WHERE s.id = ?"
            ),
            arguments: [session]) ?? false
    }

    static let needsSeatCondition = """
        (s.capacity IS NOT NULL OR coalesce(s.invitation_only, 0) = 1 OR coalesce(e.invitation_only, 0) = 1
        OR EXISTS (SELECT 1 FROM rooms r WHERE r.id = s.room_id AND r.capacity IS NOT NULL))
        """

    /// The sessions of `events` with a private link: part of each account's view, so a session that comes to
    /// need a seat takes its link off the laptops that may no longer read it. (Each change of this set starts
    /// every such laptop's pull over; sessions without a link never count.)
    static func sessionsNeedingSeat(in events: Set<String>, db: Database) throws -> Set<String> {
        guard !events.isEmpty else { return [] }
        return Set(
            try String.fetchAll(
                db,
                sql: """
                    SELECT s.id FROM sessions s JOIN events e ON e.id = s.event_id
                    WHERE s.event_id IN (\(databaseQuestionMarks(count: events.count))) AND s.join_url IS NOT NULL AND \(needsSeatCondition)
                    """,
                arguments: StatementArguments(Array(events))))
    }

    /// Whether `rights` may read the link of a session of `event` it may see.
    static func isReadable(session: String, event: String, by rights: Rights, in db: Database) throws -> Bool {
        if rights.organizes.contains(event) || rights.roleSessions.contains(session)
            || rights.seatedSessions.contains(session)
        {
            return true
        }
        return try !needsSeat(session: session, in: db)
    }
}
