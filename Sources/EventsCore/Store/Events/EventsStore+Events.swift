import Foundation
import GRDB

extension EventsStore {
    public func events() throws -> [Event] {
        try replica.read { db in try Self.events(in: db) }
    }

    /// Every event the replica holds, by first day.
    static func events(in db: Database) throws -> [Event] {
        try Event.fetchAll(db, sql: "SELECT * FROM events ORDER BY starts_on, slug")
    }

    public func event(slug: String) throws -> Event {
        try replica.read { db in try visibleEvent(slug, in: db) }
    }

    public func editEvent(id: String, _ changes: EventChanges) throws {
        try write { write in
            let current = try Self.event(id: id, in: write.db)
            if let slug = changes.slug, slug != current.slug {
                throw EventsError.unchangeable(field: EventsColumn.slug.name, kind: EventsTable.events.singularNoun)
            }
            let draft = changes.applied(to: current)
            try Self.validate(draft)
            try write.update(.events, id: id, values: draft.values)
        }
    }

    public func deleteEvent(id: String) throws { try delete(.events, id: id) }

    /// Creates a new event; refuses a slug already in use.
    @discardableResult
    public func addEvent(_ draft: EventDraft) throws -> String {
        try Self.validate(draft)
        let id = RowID.event(slug: draft.slug)
        try write { write in
            guard try !write.exists(in: .events, id: id) else {
                throw EventsError.duplicate(kind: "event", key: draft.slug)
            }
            try write.insert(into: .events, id: id, values: draft.values)
        }
        return id
    }

    /// Creates the event unless it exists or existed (a deleted event stays deleted). Returns its id.
    @discardableResult
    public func declareEvent(_ draft: EventDraft) throws -> String {
        try Self.validate(draft)
        let id = RowID.event(slug: draft.slug)
        guard try !replica.isKnown(table: EventsTable.events.name, id: id) else { return id }
        try write { write in try write.insert(into: .events, id: id, values: draft.values) }
        return id
    }

    static func validate(_ draft: EventDraft) throws {
        _ = try required(draft.slug, "event slug", fitting: EventsSchema.label)
        _ = try required(draft.title, "event title", fitting: EventsSchema.title)
        _ = try required(draft.kind, "event kind", fitting: EventsSchema.label)
        guard draft.slug.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw EventsError.invalidSlug(draft.slug)
        }
        guard TimeZone(identifier: draft.timezone) != nil else { throw EventsError.unknownTimeZone(draft.timezone) }
        guard let first = Instant.parse(draft.startsOn + "T00:00") else {
            throw EventsError.invalidTime(draft.startsOn)
        }
        guard let last = Instant.parse(draft.endsOn + "T00:00") else { throw EventsError.invalidTime(draft.endsOn) }
        guard last >= first else { throw EventsError.datesReversed(startsOn: draft.startsOn, endsOn: draft.endsOn) }
    }
}
