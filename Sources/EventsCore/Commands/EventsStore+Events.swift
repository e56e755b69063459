import Foundation
import GRDB
import Sync

extension EventsStore {
    /// Creates a new event; refuses a slug already in use.
    @discardableResult
    public func addEvent(_ draft: EventDraft) throws -> String {
        try Self.validate(draft)
        let id = RowID.event(slug: draft.slug)
        try write { write in
            guard try !write.exists(in: EventsTable.events.name, id: id) else {
                throw EventsError.duplicate(kind: "event", key: draft.slug)
            }
            try write.insert(into: EventsTable.events.name, id: id, values: draft.values)
        }
        return id
    }

    /// Creates the event unless it exists or existed (a deleted event stays deleted). Returns its id.
    @discardableResult
    public func declareEvent(_ draft: EventDraft) throws -> String {
        try Self.validate(draft)
        let id = RowID.event(slug: draft.slug)
        guard try !replica.isKnown(table: EventsTable.events.name, id: id) else { return id }
        try write { write in try write.insert(into: EventsTable.events.name, id: id, values: draft.values) }
        return id
    }

    /// Adds a segment such as the Civil Society Days; the same name twice is the same segment.
    @discardableResult
    public func addSegment(eventSlug: String, name: String, startsOn: String? = nil, endsOn: String? = nil) throws
        -> String
    {
        let name = try Self.required(name, "segment name")
        return try write { write in
            let event = try visibleEvent(eventSlug, in: write.db)
            for date in [startsOn, endsOn].compactMap({ $0 }) where Instant.parse(date + "T00:00") == nil {
                throw EventsError.invalidTime(date)
            }
            let id = RowID.segment(event: event.id, name: name)
            let values: [String: SyncValue] = [
                "event_id": .text(event.id), "name": .text(name), "starts_on": startsOn.map(SyncValue.text) ?? .null,
                "ends_on": endsOn.map(SyncValue.text) ?? .null,
            ]
            try upsert(&write, table: EventsTable.segments.name, id: id, values: values)
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
                &write, table: EventsTable.rooms.name, id: id,
                values: ["event_id": .text(event.id), "name": .text(name), "capacity": .integer(Int64(capacity))])
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

    static func validate(_ draft: EventDraft) throws {
        _ = try required(draft.slug, "event slug")
        _ = try required(draft.title, "event title")
        guard draft.slug.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw EventsError.invalid("An event slug uses letters, digits and '-' only, not '\(draft.slug)'.")
        }
        guard TimeZone(identifier: draft.timezone) != nil else { throw EventsError.unknownTimeZone(draft.timezone) }
        guard let first = Instant.parse(draft.startsOn + "T00:00") else {
            throw EventsError.invalidTime(draft.startsOn)
        }
        guard let last = Instant.parse(draft.endsOn + "T00:00") else { throw EventsError.invalidTime(draft.endsOn) }
        guard last >= first else { throw EventsError.endsBeforeStart(start: draft.startsOn, end: draft.endsOn) }
    }

    static func required(_ text: String, _ what: String) throws -> String {
        let trimmed = text.cleanedText
        guard !trimmed.isEmpty else { throw EventsError.invalid("A \(what) must not be empty.") }
        return trimmed
    }

    /// An optional text as stored: cleaned, and empty meaning none.
    static func optionalText(_ text: String) -> SyncValue {
        let trimmed = text.cleanedText
        return trimmed.isEmpty ? .null : .text(trimmed)
    }

    /// Refuses to change a row that does not exist (or no longer does), naming what was looked for.
    static func requireRow(_ table: String, id: String, in write: LocalWrite) throws {
        guard try write.exists(in: table, id: id) else { throw EventsError.notFound(kind: table.singularNoun, key: id) }
    }

    /// For a store acting for an account: a row the account may not see is answered `error` (not found), whether
    /// it exists or not, so status codes reveal nothing hidden.
    func requireVisible(_ table: String, id: String, in db: Database, otherwise error: EventsError) throws {
        guard let actor else { return }
        var access = try ReadAccess(principal: actor.principal, in: db)
        guard try access.sees(table: table, row: id, column: nil) else { throw error }
    }

    /// Inserts the row, re-creates it if deleted, or updates the given fields if it exists.
    func upsert(_ write: inout LocalWrite, table: String, id: String, values: [String: SyncValue]) throws {
        if try write.exists(in: table, id: id) {
            if refusesExisting {
                try write.authorize(table, id: id, columns: Set(values.keys))
                let key = values["name"]?.text ?? values["title"]?.text ?? values["email"]?.text ?? id
                throw EventsError.duplicate(kind: table.singularNoun, key: key)
            }
            try write.update(table, id: id, values: values)
        } else {
            try write.insert(into: table, id: id, values: values)
        }
    }

    static func event(id: String, in db: Database) throws -> Event {
        guard let event = try Event.fetchOne(db, sql: "SELECT * FROM events WHERE id = ?", arguments: [id]) else {
            throw EventsError.eventNotFound(id)
        }
        return event
    }

    static func segment(named name: String, eventID: String, in db: Database) throws -> Segment {
        guard
            let segment = try Segment.fetchOne(
                db, sql: "SELECT * FROM segments WHERE event_id = ? AND (name = ? COLLATE NOCASE OR id = ?)",
                arguments: [eventID, name, name])
        else { throw EventsError.notFound(kind: "segment", key: name) }
        return segment
    }
}
