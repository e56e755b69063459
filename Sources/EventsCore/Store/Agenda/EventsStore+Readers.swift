import Foundation
import GRDB

/// The agenda as one reader sees it, for the daemon's web pages: the public (`anonymousReader`) or an account.
extension EventsStore {
    /// The events `reader` may see: those not over by `now` first, soonest first, then past ones, latest first.
    public func events(seenBy reader: String, at now: Date) throws -> [Event] {
        let events = try replica.read { db in
            var access = try ReadAccess(principal: reader, in: db)
            return try Self.events(in: db).filter {
                try access.sees(table: EventsTable.events.name, row: $0.id, column: nil)
            }
        }
        return events.filter { !$0.isOver(at: now) } + events.filter { $0.isOver(at: now) }.reversed()
    }

    /// The event's agenda as `reader` sees it, with `person`'s answers when given: chairs and speakers only where
    /// it may read their names, a join link only where it may follow it. `nil` when the reader may not see the
    /// event, exactly where the API answers "not found".
    public func agenda(eventSlug: String, seenBy reader: String, person: String? = nil) throws -> Agenda? {
        var agenda: Agenda
        do {
            agenda = try acting(as: reader).agenda(eventSlug: eventSlug, person: person)
        } catch EventsError.eventNotFound {
            return nil
        }
        agenda.items = try visible(agenda.items, to: reader)
        return agenda
    }

    /// An attendee's page: every event `account` sees, with the sessions it sees, its own answers and seat
    /// decisions, and the join links it may follow; no one's email address.
    public func personalAgenda(of account: Account, at now: Date) throws -> [Agenda] {
        // The events are those the account sees: only their sessions are judged again.
        try events(seenBy: account.id, at: now).map { event in
            var agenda = try agenda(eventSlug: event.id, person: account.email)
            agenda.items = try visible(agenda.items, to: account.id)
            for index in agenda.items.indices {
                for person in agenda.items[index].people.indices { agenda.items[index].people[person].email = nil }
            }
            return agenda
        }
    }
}
