import GRDB
import Sync

/// The events, sessions and people a laptop holds now, alive or deleted while it watched: what a remembered
/// programme may still name. Rows that left the laptop's view are not among them, and are forgotten.
struct HeldRows {
    let events: Set<String>
    let sessions: Set<String>
    let people: Set<String>
    /// Sessions under the Chatham House Rule now: no remembered programme names their people.
    let withoutNames: Set<String>

    static func read(in db: Database) throws -> HeldRows {
        func held(_ table: EventsTable) throws -> Set<String> {
            Set(try String.fetchAll(db, sql: "SELECT id FROM \(table.name)")).union(
                try DeletedRows.rows(of: table.name, in: db))
        }
        return HeldRows(
            events: try held(.events), sessions: try held(.sessions), people: try held(.people),
            withoutNames: Set(try String.fetchAll(db, sql: "SELECT id FROM sessions WHERE chatham_house = 1")))
    }

    /// The programme without what the laptop no longer holds (a person left in a role keeps the role, not the
    /// name) nor the people of a session now under the Chatham House Rule; `nil` when its event is gone.
    func keeping(_ programme: ScheduleSnapshot) -> ScheduleSnapshot? {
        guard events.contains(programme.eventID) else { return nil }
        return ScheduleSnapshot(
            eventID: programme.eventID,
            sessions: programme.sessions.filter { sessions.contains($0.id) }.map { session in
                var session = session
                session.people =
                    withoutNames.contains(session.id)
                    ? [] : session.people.map { people.contains($0.personID) ? $0 : .forgotten($0.role) }
                return session
            })
    }
}
