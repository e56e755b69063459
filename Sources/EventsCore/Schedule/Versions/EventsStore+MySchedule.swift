import Foundation
import GRDB
import Sync

/// A laptop remembers the programmes it holds as they stood after each of its last two syncs that brought
/// anything, so that after a sync it tells its person, offline, which of their sessions changed since the one
/// before.
extension EventsStore {
    /// After a sync that brought changes: the programmes of every event the laptop holds, as they stand, become
    /// the latest ones remembered, and the latest become the previous. Every event, not only the person's: a
    /// session they answer for after this sync is theirs then, and was not added by the organizers. What left the
    /// laptop's view (an event, a session, a person) is forgotten from the remembered programmes too, leaving no
    /// bytes behind.
    public func rememberProgrammes() throws {
        let (programmes, held) = try replica.read { db in
            let programmes = try String.fetchAll(db, sql: "SELECT id FROM events ORDER BY id").map {
                try ScheduleSnapshot.read(eventID: $0, in: db)
            }
            return (programmes, try HeldRows.read(in: db))
        }
        let forgot = try replica.writeLocalTables { db in
            try RememberedProgrammes.rotate(to: programmes, keeping: held.keeping, at: Date(), in: db)
        }
        if forgot { replica.foldWriteAheadLog() }
    }

    /// The changes, since the sync before the latest, to the sessions the person accepted or tentatively
    /// accepted or holds a role in (or held one in then), in one event or all; `nil` before the laptop
    /// remembers two syncs.
    public func myScheduleChanges(person: String, eventSlug: String? = nil) throws -> [ScheduleChange]? {
        let personID = RowID.person(email: person)
        return try replica.read { db in
            guard try RememberedProgrammes.hasPrevious(in: db) else { return nil }
            let previous = try RememberedProgrammes.programmes(from: .previous, in: db)
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
}
