import Foundation
import GRDB
import Sync

extension EventsStore {
    /// Asks for the event's programme to be published as a version, with an optional note; returns the
    /// publication's id. The daemon numbers it when it applies it: at once through its API, at the next sync
    /// from a laptop, which shows it pending until then.
    @discardableResult
    public func publishSchedule(eventSlug: String, note: String? = nil) throws -> String {
        let note = try note.map { try Self.optionalText($0, "note", fitting: EventsSchema.versionNote) } ?? .null
        let id = UUID().uuidString.lowercased()
        try write { write in
            let event = try programmeEvent(eventSlug, in: write.db)
            guard event.published || event.invitationOnly else { throw EventsError.eventWithoutAudience(event.slug) }
            let requestedAt = Instant.format(Date(timeIntervalSince1970: Double(write.now) / 1000))
            try write.insert(
                into: .scheduleVersions, id: id,
                values: [.eventID: .text(event.id), .note: note, .requestedAt: .text(requestedAt)])
        }
        return id
    }

    /// The event's versions: published ones by number, then pending ones in the order they were asked for.
    public func scheduleVersions(eventSlug: String) throws -> [ScheduleVersion] {
        try replica.read { db in
            let event = try programmeEvent(eventSlug, in: db)
            return try ScheduleVersion.fetchAll(
                db,
                sql: """
                    SELECT * FROM schedule_versions WHERE event_id = ?
                    ORDER BY number IS NULL, number, requested_at, id
                    """,
                arguments: [event.id])
        }
    }

    public func scheduleVersion(id: String) throws -> ScheduleVersion {
        try replica.read { db in
            guard
                let version = try ScheduleVersion.fetchOne(
                    db, sql: "SELECT * FROM schedule_versions WHERE id = ?", arguments: [id])
            else { throw EventsError.notFound(kind: EventsTable.scheduleVersions.singularNoun, key: id) }
            return version
        }
    }

    /// What changed since version `since` (default: the latest published; 0: since the beginning), unpublished
    /// edits included.
    public func scheduleChanges(eventSlug: String, since requested: Int? = nil) throws -> ScheduleChanges {
        try replica.read { db in
            let event = try programmeEvent(eventSlug, in: db)
            let latest =
                try Int.fetchOne(
                    db, sql: "SELECT max(number) FROM schedule_versions WHERE event_id = ?", arguments: [event.id]) ?? 0
            let since = requested ?? latest
            let comparison = ScheduleComparison(
                from: try Self.publishedProgramme(of: event, number: since, in: db),
                to: try ScheduleSnapshot.read(eventID: event.id, in: db), of: event)
            return ScheduleChanges(
                event: event.slug, timeZone: event.timezone, since: since, latest: latest, changes: comparison.changes)
        }
    }

    /// The programme as version `number` of the event recorded it; version 0 is the empty programme.
    static func publishedProgramme(of event: Event, number: Int, in db: Database) throws -> ScheduleSnapshot {
        if number == 0 { return .empty(eventID: event.id) }
        let noun = EventsTable.scheduleVersions.singularNoun
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT id, content FROM schedule_versions WHERE event_id = ? AND number = ?",
                arguments: [event.id, number])
        else { throw EventsError.notFound(kind: noun, key: "\(number)") }
        guard let content = row[EventsColumn.content] as String?, let snapshot = try? ScheduleSnapshot.decode(content)
        else {
            throw EventsError.unreadableRow(
                table: EventsTable.scheduleVersions.name, id: row[EventsColumn.id], column: EventsColumn.content.name)
        }
        return snapshot
    }

    /// The event by slug or id; for a store acting for an account, one whose whole programme the account may not
    /// see (seen through an invitation to a single session) is not found, as an event it may not see at all.
    private func programmeEvent(_ reference: String, in db: Database) throws -> Event {
        guard let actor else { return try visibleEvent(reference, in: db) }
        let event = try Self.event(slug: reference, in: db)
        let rights = try Rights.load(actor.principal, in: db)
        guard rights.isAdmin || rights.sees.contains(event.id) else { throw EventsError.eventNotFound(reference) }
        return event
    }
}
