import Foundation
import GRDB
import Sync

/// The events domain over one replica: the commands people perform, with their rules, and the queries
/// that read the agenda. Every write goes through the replica, so it is stamped and queued for sync.
public struct EventsStore: Sendable {
    public let replica: Replica

    public init(replica: Replica) {
        self.replica = replica
    }

    /// Opens the replica file at `path` with the events schema; `migrations` adds the host's local tables.
    public static func open(
        path: String, migrations: (inout DatabaseMigrator) -> Void = { _ in },
        now: @escaping @Sendable () -> Int64 = Replica.wallClock
    ) throws -> EventsStore {
        EventsStore(replica: try Replica(path: path, schema: EventsSchema.replicated, migrations: migrations, now: now))
    }

    // MARK: Queries

    public func events() throws -> [Event] {
        try replica.read { db in try Event.fetchAll(db, sql: "SELECT * FROM events ORDER BY starts_on, slug") }
    }

    public func event(slug: String) throws -> Event {
        try replica.read { db in try Self.event(slug: slug, in: db) }
    }

    /// The event's sessions in time order, cancelled ones included.
    public func sessions(eventSlug: String) throws -> [Session] {
        try replica.read { db in
            let event = try Self.event(slug: eventSlug, in: db)
            return try Session.fetchAll(
                db, sql: "SELECT * FROM sessions WHERE event_id = ? ORDER BY starts_at, title, id", arguments: [event.id])
        }
    }

    public func session(id: String) throws -> Session {
        try replica.read { db in
            guard let session = try Session.fetchOne(db, sql: "SELECT * FROM sessions WHERE id = ?", arguments: [id]) else {
                throw EventsError.sessionNotFound(id)
            }
            return session
        }
    }

    // MARK: Commands

    /// Creates the event unless it exists or existed (a deleted event stays deleted). Returns its id.
    @discardableResult
    public func declareEvent(_ draft: EventDraft) throws -> String {
        guard TimeZone(identifier: draft.timezone) != nil else { throw EventsError.unknownTimeZone(draft.timezone) }
        let id = StableID.make("event", draft.slug)
        guard try !replica.isKnown(table: "events", id: id) else { return id }
        try replica.write { write in try write.insert(into: "events", id: id, values: draft.values) }
        return id
    }

    /// Schedules a session; returns its new id.
    public func addSession(eventSlug: String, _ draft: SessionDraft, id: String = UUID().uuidString.lowercased()) throws -> String {
        try replica.write { write in
            let event = try Self.event(slug: eventSlug, in: write.db)
            guard let title = draft.title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty else {
                throw EventsError.emptyTitle
            }
            let (start, end) = try Self.times(start: draft.start, end: draft.end, zone: event.timeZone, current: nil)
            try write.insert(
                into: "sessions", id: id,
                values: [
                    "event_id": .text(event.id), "title": .text(title), "format": .text(draft.format ?? "plenary"),
                    "starts_at": .text(Instant.format(start)), "ends_at": .text(Instant.format(end)),
                    "room": draft.room.map(SyncValue.text) ?? .null, "status": .text("scheduled"),
                ])
            return id
        }
    }

    /// Changes the given fields of a session.
    public func editSession(id: String, _ draft: SessionDraft) throws {
        try replica.write { write in
            guard let current = try Session.fetchOne(write.db, sql: "SELECT * FROM sessions WHERE id = ?", arguments: [id]) else {
                throw EventsError.sessionNotFound(id)
            }
            let zone = try Event.fetchOne(write.db, sql: "SELECT * FROM events WHERE id = ?", arguments: [current.eventID])?
                .timeZone ?? .gmt
            var values: [String: SyncValue] = [:]
            if let title = draft.title {
                let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else { throw EventsError.emptyTitle }
                values["title"] = .text(trimmed)
            }
            if draft.start != nil || draft.end != nil {
                let (start, end) = try Self.times(start: draft.start, end: draft.end, zone: zone, current: current)
                values["starts_at"] = .text(Instant.format(start))
                values["ends_at"] = .text(Instant.format(end))
            }
            if let format = draft.format { values["format"] = .text(format) }
            if let room = draft.room { values["room"] = room.isEmpty ? .null : .text(room) }
            try write.update("sessions", id: id, values: values)
        }
    }

    public func deleteSession(id: String) throws {
        try replica.write { write in
            guard try write.exists(in: "sessions", id: id) else { throw EventsError.sessionNotFound(id) }
            try write.delete(from: "sessions", id: id)
        }
    }

    // MARK: Helpers

    static func event(slug: String, in db: Database) throws -> Event {
        guard let event = try Event.fetchOne(db, sql: "SELECT * FROM events WHERE slug = ? ORDER BY id LIMIT 1", arguments: [slug])
        else { throw EventsError.eventNotFound(slug) }
        return event
    }

    private static func times(start: String?, end: String?, zone: TimeZone, current: Session?) throws -> (Date, Date) {
        func parse(_ text: String?, fallback: Date?) throws -> Date {
            if let text {
                guard let date = Instant.parse(text, in: zone) else { throw EventsError.invalidTime(text) }
                return date
            }
            guard let fallback else { throw EventsError.invalidTime("") }
            return fallback
        }
        let startDate = try parse(start, fallback: current?.startsAt)
        // Moving only the start keeps the session's length, as a person dragging it in a calendar expects.
        let shiftedEnd = current.map { startDate.addingTimeInterval($0.endsAt.timeIntervalSince($0.startsAt)) }
        let endDate = try parse(end, fallback: shiftedEnd)
        guard endDate > startDate else {
            throw EventsError.endsBeforeStart(
                start: Instant.display(startDate, in: zone), end: Instant.display(endDate, in: zone))
        }
        return (startDate, endDate)
    }
}
