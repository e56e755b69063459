extension EventsStore {
    /// The event's programme in the c3voc schedule format, as `reader` may see it (`anonymousReader` for the
    /// public files); without a reader, all the replica holds (a laptop's own view). Links are absolute from
    /// `baseURL`, the daemon's public URL.
    public func schedule(eventSlug: String, baseURL: String, reader: String? = nil) throws -> ScheduleDocument {
        let agenda = try agenda(eventSlug: eventSlug)
        let items = try reader.map { try visible(agenda.items, to: $0) } ?? agenda.items
        let tracks = try segments(eventSlug: eventSlug).map(\.name)
        return ScheduleDocument(
            agenda: Agenda(event: agenda.event, items: items, observers: agenda.observers), tracks: tracks,
            version: ScheduleVersion.label(of: try latestScheduleVersion(eventID: agenda.event.id)),
            baseURL: baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL)
    }

    /// The event's latest published schedule version, `nil` before the first.
    public func latestScheduleVersion(eventID: String) throws -> ScheduleVersion? {
        try replica.read { db in
            try ScheduleVersion.fetchOne(
                db,
                sql:
                    "SELECT * FROM schedule_versions WHERE event_id = ? AND number IS NOT NULL ORDER BY number DESC LIMIT 1",
                arguments: [eventID])
        }
    }
}
