import GRDB
import Sync

extension EventsStore {
    public func editSegment(id: String, name: String?, startsOn: String?, endsOn: String?) throws {
        try write { write in
            try Self.requireRow(.segments, id: id, in: write)
            var values: [EventsColumn: SyncValue] = [:]
            if let name { values[.name] = .text(try Self.required(name, "segment name")) }
            for (column, date) in [(EventsColumn.startsOn, startsOn), (.endsOn, endsOn)] {
                guard let date else { continue }
                if !date.isEmpty { _ = try Self.date(date) }
                values[column] = try Self.optionalText(date, "segment date", fitting: .date)
            }
            try write.update(.segments, id: id, values: values)
        }
    }

    public func editRoom(id: String, name: String?, capacity: Int?) throws {
        try write { write in
            try Self.requireRow(.rooms, id: id, in: write)
            var values: [EventsColumn: SyncValue] = [:]
            if let name { values[.name] = .text(try Self.required(name, "room name")) }
            if let capacity {
                guard capacity > 0 else { throw EventsError.invalidCapacity(capacity) }
                values[.capacity] = .integer(Int64(capacity))
            }
            try write.update(.rooms, id: id, values: values)
            try RoomLink.followRoom(id, writer: &write)
        }
    }

    public func deleteSegment(id: String) throws { try delete(.segments, id: id) }

    public func deleteRoom(id: String) throws { try delete(.rooms, id: id) }

    /// Adds a segment such as the Civil Society Days; the same name twice is the same segment.
    @discardableResult
    public func addSegment(eventSlug: String, name: String, startsOn: String? = nil, endsOn: String? = nil) throws
        -> String
    {
        let name = try Self.required(name, "segment name")
        return try write { write in
            let event = try visibleEvent(eventSlug, in: write.db)
            for date in [startsOn, endsOn].compactMap({ $0 }) { _ = try Self.date(date) }
            let id = RowID.segment(event: event.id, name: name)
            let values: [EventsColumn: SyncValue] = [
                .eventID: .text(event.id), .name: .text(name), .startsOn: startsOn.map(SyncValue.text) ?? .null,
                .endsOn: endsOn.map(SyncValue.text) ?? .null,
            ]
            try upsert(&write, table: .segments, id: id, values: values)
            return id
        }
    }

    /// Adds a room with its seats, or changes the seats of a room of that name.
    @discardableResult
    public func addRoom(eventSlug: String, name: String, capacity: Int) throws -> String {
        let name = try Self.required(name, "room name")
        guard capacity > 0 else { throw EventsError.invalidCapacity(capacity) }
        return try write { write in
            let event = try visibleEvent(eventSlug, in: write.db)
            let id = RowID.room(event: event.id, name: name)
            try upsert(
                &write, table: .rooms, id: id,
                values: [.eventID: .text(event.id), .name: .text(name), .capacity: .integer(Int64(capacity))])
            _ = try RoomLink.linkUnlinked(writer: &write)
            return id
        }
    }

    public func segments(eventSlug: String) throws -> [Segment] {
        try replica.read { db in
            let event = try visibleEvent(eventSlug, in: db)
            return try Segment.fetchAll(
                db, sql: "SELECT * FROM segments WHERE event_id = ? ORDER BY starts_on, name", arguments: [event.id])
        }
    }

    public func rooms(eventSlug: String) throws -> [Room] {
        try replica.read { db in
            let event = try visibleEvent(eventSlug, in: db)
            return try Room.fetchAll(
                db, sql: "SELECT * FROM rooms WHERE event_id = ? ORDER BY name", arguments: [event.id])
        }
    }
}
