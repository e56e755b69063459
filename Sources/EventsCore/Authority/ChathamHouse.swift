import GRDB
import Sync

/// Sessions held under the Chatham House Rule: participants (`Rights.takesPart`) see who chairs and speaks;
/// everyone else sees the session without any names and without its recording.
enum ChathamHouse {
    /// Whether the session is held under the rule; a deleted session answers from what it kept of itself, so
    /// the deletions of its roles and inscriptions reach its participants only.
    static func holds(session: String, in db: Database) throws -> Bool {
        if let live = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT coalesce(chatham_house, 0) FROM sessions WHERE id = ?"),
            arguments: [session])
        {
            return live == 1
        }
        let kept: Int? = try DeletedRows.scopeValue(
            of: EventsTable.sessions.name, row: session, column: EventsColumn.chathamHouse.name, in: db)
        return kept == 1
    }

    /// The sessions of the events the account sees whose names it may not see: part of its view, so that a
    /// session put under the rule (or a participation that ends) makes the laptop forget the names.
    static func sessionsWithoutNames(for rights: Rights, in db: Database) throws -> Set<String> {
        guard !rights.isAdmin, !rights.sees.isEmpty else { return [] }
        let events = Array(rights.sees)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, event_id FROM sessions
                WHERE chatham_house = 1 AND event_id IN (\(databaseQuestionMarks(count: events.count)))
                """,
            arguments: StatementArguments(events))
        return Set(
            rows.filter { !rights.takesPart(in: $0[EventsColumn.id], of: $0[EventsColumn.eventID]) }.map {
                $0[EventsColumn.id]
            })
    }
}
