import GRDB
import Sync

/// A laptop remembers the programmes it holds as they stood after each of its last two syncs, so that after a
/// sync it tells its person, offline, which of their sessions changed since the sync before.
extension EventsStore {
    /// The laptop's own tables, registered after the sync layer's.
    public static func registerLaptopMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("schedule-baselines-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE schedule_baselines (
                        sync TEXT NOT NULL CHECK (sync IN ('previous', 'latest')),
                        event_id TEXT NOT NULL,
                        content TEXT NOT NULL,
                        PRIMARY KEY (sync, event_id)
                    );
                    CREATE TABLE schedule_baseline_syncs (
                        sync TEXT PRIMARY KEY NOT NULL CHECK (sync IN ('previous', 'latest')),
                        taken_at TEXT NOT NULL
                    );
                    """)
        }
    }

    /// After a sync: the programmes of every event the laptop holds, as they stand, become the latest ones
    /// remembered, and the latest become the previous. Every event, not only the person's: a session they answer
    /// for after this sync is theirs then, and was not added by the organizers. What left the laptop's view
    /// (an event, a session, a person) is forgotten from the remembered programmes too, leaving no bytes behind.
    public func rememberProgrammes() throws {
        let (snapshots, holds) = try replica.read { db in
            let snapshots = try String.fetchAll(db, sql: "SELECT id FROM events ORDER BY id").map {
                try ScheduleSnapshot.read(eventID: $0, in: db)
            }
            return (snapshots, try HeldRows.read(in: db))
        }
        let contents = try snapshots.map { ($0.eventID, try $0.canonicalJSON()) }
        let forgot = try replica.writeLocalTables { db in
            let latest = try Self.programmes(remembered: "latest", in: db)
            try db.execute(sql: "DELETE FROM schedule_baselines")
            try db.execute(sql: "DELETE FROM schedule_baseline_syncs WHERE sync = 'previous'")
            try db.execute(sql: "UPDATE schedule_baseline_syncs SET sync = 'previous'")
            var forgot = false
            for programme in latest.values {
                let kept = holds.keeping(programme)
                forgot = forgot || kept != programme
                guard let kept else { continue }
                try Self.remember(kept.eventID, try kept.canonicalJSON(), as: "previous", in: db)
            }
            for (event, content) in contents { try Self.remember(event, content, as: "latest", in: db) }
            try db.execute(
                sql: "INSERT INTO schedule_baseline_syncs (sync, taken_at) VALUES ('latest', ?)",
                arguments: [Instant.format(.now)])
            return forgot
        }
        if forgot { replica.foldWriteAheadLog() }
    }

    private static func remember(_ event: String, _ content: String, as sync: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO schedule_baselines (sync, event_id, content) VALUES (?, ?, ?)",
            arguments: [sync, event, content])
    }

    /// The changes, since the sync before the latest, to the sessions the person accepted or tentatively
    /// accepted or holds a role in (or held one in then), in one event or all; none before a second sync.
    public func myScheduleChanges(person: String, eventSlug: String? = nil) throws -> [ScheduleChange] {
        let personID = RowID.person(email: person)
        return try replica.read { db in
            guard
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM schedule_baseline_syncs WHERE sync = 'previous')") == true
            else { return [] }
            let previous = try Self.programmes(remembered: "previous", in: db)
            var events = Set(previous.keys).union(try Self.eventsOf(personID: personID, in: db))
            if let eventSlug { events = events.intersection([try visibleEvent(eventSlug, in: db).id]) }
            let answered = Set(
                try String.fetchAll(
                    db,
                    sql: "SELECT session_id FROM rsvps WHERE person_id = ? AND response IN ('accepted', 'tentative')",
                    arguments: [personID]))
            return try events.sorted().flatMap { eventID -> [ScheduleChange] in
                guard let event = try Event.fetchOne(db, sql: "SELECT * FROM events WHERE id = ?", arguments: [eventID])
                else { return [] }
                let before = previous[eventID] ?? .empty(eventID: eventID)
                let after = try ScheduleSnapshot.read(eventID: eventID, in: db)
                let mine = answered.union(before.sessions(naming: personID)).union(after.sessions(naming: personID))
                return ScheduleComparison(from: before, to: after, of: event).changes.filter {
                    mine.contains($0.sessionID)
                }
            }
        }
    }

    /// The events in which the person answered for a session or holds a role.
    private static func eventsOf(personID: String, in db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT event_id FROM sessions WHERE id IN (
                    SELECT session_id FROM rsvps WHERE person_id = :person
                    UNION SELECT session_id FROM session_roles WHERE person_id = :person)
                ORDER BY event_id
                """,
            arguments: ["person": personID])
    }

    private static func programmes(remembered sync: String, in db: Database) throws -> [String: ScheduleSnapshot] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT event_id, content FROM schedule_baselines WHERE sync = ?", arguments: [sync])
        return Dictionary(
            try rows.map { row in (row[EventsColumn.eventID], try ScheduleSnapshot.decode(row[EventsColumn.content])) },
            uniquingKeysWith: { first, _ in first })
    }
}

/// The events, sessions and people a laptop holds now: what a remembered programme may still name.
private struct HeldRows {
    let events: Set<String>
    let sessions: Set<String>
    let people: Set<String>

    static func read(in db: Database) throws -> HeldRows {
        HeldRows(
            events: Set(try String.fetchAll(db, sql: "SELECT id FROM events")),
            sessions: Set(try String.fetchAll(db, sql: "SELECT id FROM sessions")),
            people: Set(try String.fetchAll(db, sql: "SELECT id FROM people")))
    }

    /// The programme without what the laptop no longer holds; `nil` when its event is gone.
    func keeping(_ programme: ScheduleSnapshot) -> ScheduleSnapshot? {
        guard events.contains(programme.eventID) else { return nil }
        return ScheduleSnapshot(
            eventID: programme.eventID,
            sessions: programme.sessions.filter { sessions.contains($0.id) }.map { session in
                var session = session
                session.people.removeAll { !people.contains($0.personID) }
                return session
            })
    }
}

extension ScheduleSnapshot {
    /// The sessions in which the person holds a role.
    func sessions(naming personID: String) -> [String] {
        sessions.filter { $0.people.contains { $0.personID == personID } }.map(\.id)
    }
}
