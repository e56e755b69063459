extension EventsStore {
    /// The event's programme in the c3voc schedule format, as `reader` may see it (`anonymousReader` for the
    /// public files); without a reader, all the replica holds (a laptop's own view). Links are absolute from
    /// `baseURL`, the daemon's public URL.
    public func schedule(eventSlug: String, baseURL: String, reader: String? = nil) throws -> ScheduleDocument {
        let agenda = try agenda(eventSlug: eventSlug)
        let items = try reader.map { try visible(agenda.items, to: $0) } ?? agenda.items
        let tracks = try segments(eventSlug: eventSlug).map(\.name)
        return ScheduleDocument(
            agenda: Agenda(event: agenda.event, items: items), tracks: tracks, version: "0",
            baseURL: baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL)
    }
}
