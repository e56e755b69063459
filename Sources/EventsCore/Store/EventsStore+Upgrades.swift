import Sync

/// What the daemon brings up to date at start, for rows written before a schema version or by a laptop on the
/// previous one.
extension EventsStore {
    /// Links the sessions that name a declared room but hold no room id (schema 2); returns how many.
    @discardableResult
    public func linkSessionsToRooms() throws -> Int {
        try write { write in try RoomLink.linkUnlinked(writer: &write) }
    }

    /// Gives waitlisted answers decided before the queue's places were replicated (schema 3) their place;
    /// returns how many sessions were numbered.
    @discardableResult
    public func numberWaitlists() throws -> Int {
        let sessions = try replica.read { db in try SeatAllocator.unnumberedSessions(in: db) }
        guard !sessions.isEmpty else { return 0 }
        try write { write in try SeatAllocator.renumber(sessions, writer: &write) }
        return sessions.count
    }
}
