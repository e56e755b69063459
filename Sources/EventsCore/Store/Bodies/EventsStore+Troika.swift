import GRDB
import Sync

extension EventsStore {
    /// Names the organization hosting an event and, until the series' next event is scheduled, the next host it
    /// announced; an empty name clears either.
    public func setHost(eventSlug: String, host: String?, nextHost: String?) throws {
        try write { write in
            let event = try visibleEvent(eventSlug, in: write.db)
            var values: [EventsColumn: SyncValue] = [:]
            for (column, reference) in [(EventsColumn.hostID, host), (.nextHostID, nextHost)] {
                guard let reference else { continue }
                values[column] =
                    reference.isEmpty ? .null : .text(try Self.organizationID(reference, in: write.db))
            }
            try write.update(.events, id: event.id, values: values)
        }
    }

    /// The series' troika as of each of its hosted events, in date order.
    public func troikas(series: String) throws -> [Troika] {
        try replica.read { db in
            let events = try Event.fetchAll(
                db,
                sql: """
                    SELECT * FROM events WHERE series = ? COLLATE NOCASE AND host_id IS NOT NULL
                    ORDER BY starts_on, slug
                    """,
                arguments: [series])
            func name(_ organization: String?) throws -> String? {
                try organization.flatMap {
                    try String.fetchOne(db, sql: "SELECT name FROM organizations WHERE id = ?", arguments: [$0])
                }
            }
            return try events.indices.map { index in
                let event = events[index]
                let following = events.indices.contains(index + 1) ? events[index + 1].hostID : event.nextHostID
                return Troika(
                    eventSlug: event.slug, eventTitle: event.title, startsOn: event.startsOn,
                    past: index > 0 ? try name(events[index - 1].hostID) : nil,
                    present: try name(event.hostID) ?? event.hostID ?? "", next: try name(following))
            }
        }
    }
}
