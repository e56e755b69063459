import GRDB
import Sync

/// Sessions name their room twice: `room` is the name shown, `room_id` the room row it is (seats follow the
/// row, so a rename keeps its capacity and a room in use cannot be deleted). Commands write both; the daemon
/// keeps them in step for writes that set only one (a laptop on the previous schema knows only the name).
enum RoomLink {
    /// The id of the event's room with that name, if the event declares one.
    static func room(named name: String?, eventID: String, in db: Database) throws -> String? {
        guard let name, !name.isEmpty else { return nil }
        return try String.fetchOne(
            db.cachedStatement(
                sql: "SELECT id FROM rooms WHERE event_id = ? AND name = ? COLLATE NOCASE ORDER BY id LIMIT 1"),
            arguments: [eventID, name])
    }

    /// A renamed room: the sessions in it show its new name.
    static func followRoom(_ roomID: String, writer: inout LocalWrite) throws {
        guard
            let name = try String.fetchOne(
                writer.db.cachedStatement(sql: "SELECT name FROM rooms WHERE id = ?"), arguments: [roomID])
        else { return }
        let stale = try String.fetchAll(
            writer.db.cachedStatement(sql: "SELECT id FROM sessions WHERE room_id = ? AND room IS NOT ?"),
            arguments: [roomID, name])
        for session in stale {
            try writer.update(.sessions, id: session, values: [.room: .text(name)])
        }
    }

    /// A session whose room name changed: its room id follows the name (none if no declared room has it).
    static func followName(ofSession sessionID: String, writer: inout LocalWrite) throws {
        guard
            let row = try Row.fetchOne(
                writer.db.cachedStatement(sql: "SELECT event_id, room, room_id FROM sessions WHERE id = ?"),
                arguments: [sessionID])
        else { return }
        let current: String? = row[EventsColumn.roomID]
        if let current,
            try String.fetchOne(
                writer.db.cachedStatement(sql: "SELECT name FROM rooms WHERE id = ?"), arguments: [current])?
                .caseInsensitiveCompare(row[EventsColumn.room] ?? "") == .orderedSame
        {
            return
        }
        let named = try room(named: row[EventsColumn.room], eventID: row[EventsColumn.eventID] ?? "", in: writer.db)
        guard named != current else { return }
        try writer.update(
            .sessions, id: sessionID, values: [.roomID: named.map(SyncValue.text) ?? .null])
    }

    /// Links every session whose room name is a declared room but has no room id yet (written before sessions
    /// held one); returns how many.
    static func linkUnlinked(writer: inout LocalWrite) throws -> Int {
        let unlinked = try String.fetchAll(
            writer.db,
            sql: """
                SELECT s.id FROM sessions s WHERE s.room_id IS NULL AND s.room IS NOT NULL
                AND EXISTS (SELECT 1 FROM rooms r WHERE r.event_id = s.event_id AND r.name = s.room COLLATE NOCASE)
                """)
        for session in unlinked { try followName(ofSession: session, writer: &writer) }
        // Their capacity may now be the room's: every seat is decided again.
        try SeatAllocator.renumber(unlinked, writer: &writer)
        return unlinked.count
    }
}
