import Foundation
import GRDB

extension EventsStore {
    public static let defaultCalendarHost = "eventsd.local"
    /// The reader of public exports: no account, so it sees published events and no private join link.
    public static let anonymousReader = ""

    /// The event's agenda as iCalendar. With `mine`, only the sessions `person` accepted or is tentative for,
    /// with their answer. With `reader` (an account id, or `anonymousReader` for the public feed), only what it
    /// may see: a join link of a session that needs a seat only for whoever holds one.
    public func calendar(
        eventSlug: String, host: String = defaultCalendarHost, person: String? = nil, mine: Bool = false,
        reader: String? = nil
    ) throws -> String {
        let agenda = try agenda(eventSlug: eventSlug, person: person)
        let attendee = try person.flatMap { try self.person(reference: $0) }
        let listed = mine ? agenda.items.filter { Self.isAttending($0.rsvp) } : agenda.items
        let items = try reader.map { try visible(listed, to: $0) } ?? listed
        let name = mine ? "\(agenda.event.title) — my sessions" : agenda.event.title
        return CalendarFeed(
            name: name, host: host, entries: try entries(items, event: agenda.event, attendee: mine ? attendee : nil)
        ).render()
    }

    /// A person's own feed across every event: the sessions they accepted or are tentative for and were not
    /// refused a seat in. With `reader` (the daemon's feed route), a read like any other: only what that account
    /// may see now, so a revoked invitation takes the session out of the feed.
    public func personalCalendar(person reference: String, reader: String? = nil, host: String = defaultCalendarHost)
        throws -> String
    {
        let person = try self.person(reference: reference)
        var entries: [CalendarFeed.Entry] = []
        for event in try events() {
            let agenda = try agenda(eventSlug: event.slug, person: person?.id)
            let attended = agenda.items.filter { Self.isAttending($0.rsvp) }
            entries += try self.entries(
                try reader.map { try visible(attended, to: $0) } ?? attended, event: event, attendee: person)
        }
        return CalendarFeed(name: "\(person?.name ?? reference) — my sessions", host: host, entries: entries).render()
    }

    /// The items whose session `reader` (an account id) may see now, without a join link it may not read.
    func visible(_ items: [Agenda.Item], to reader: String) throws -> [Agenda.Item] {
        guard !items.isEmpty else { return [] }
        return try replica.read { db in
            var access = try ReadAccess(principal: reader, in: db)
            return try items.filter {
                try access.sees(table: EventsTable.sessions.name, row: $0.session.id, column: nil)
            }.map { item in
                var item = item
                if try !access.sees(
                    table: EventsTable.sessions.name, row: item.session.id, column: EventsColumn.joinURL.name)
                {
                    item.session.joinURL = nil
                }
                if try !access.seesNames(inSession: item.session.id, of: item.session.eventID) {
                    item.people = []
                    item.session.recordingURL = nil
                }
                return item
            }
        }
    }

    private static func isAttending(_ rsvp: RSVP?) -> Bool {
        guard let rsvp, rsvp.decision != .refused else { return false }
        return [RSVPResponse.accepted, .tentative].contains(rsvp.response)
    }

    private func person(reference: String) throws -> Person? {
        try replica.read { db in try? Self.person(reference, in: db) }
    }

    private func entries(_ items: [Agenda.Item], event: Event, attendee: Person?) throws -> [CalendarFeed.Entry] {
        let modified = try replica.lastModified(table: EventsTable.sessions.name, ids: items.map(\.session.id))
        return items.map { item in
            let stamp =
                modified[item.session.id].map { Date(timeIntervalSince1970: Double($0.milliseconds) / 1000) }
                ?? Date(timeIntervalSince1970: 0)
            let attendance = attendee.map {
                CalendarFeed.Attendance(
                    name: $0.name, email: $0.email, response: item.rsvp?.response.rawValue ?? "",
                    decision: item.rsvp?.decision)
            }
            return CalendarFeed.Entry(item: item, event: event, lastModified: stamp, attendance: attendance)
        }
    }
}
