import Foundation
import GRDB
import Sync

extension EventsStore {
    /// The event's sessions in time order, cancelled ones included.
    public func sessions(eventSlug: String) throws -> [Session] {
        try replica.read { db in
            let event = try visibleEvent(eventSlug, in: db)
            return try Session.fetchAll(
                db, sql: "SELECT * FROM sessions WHERE event_id = ? ORDER BY starts_at, title, id",
                arguments: [event.id])
        }
    }

    public func session(id: String) throws -> Session {
        try replica.read { db in
            guard let session = try Session.fetchOne(db, sql: "SELECT * FROM sessions WHERE id = ?", arguments: [id])
            else {
                throw EventsError.sessionNotFound(id)
            }
            return session
        }
    }

    /// Schedules a session; returns its new id.
    public func addSession(eventSlug: String, _ draft: SessionDraft, id: String = UUID().uuidString.lowercased()) throws
        -> String
    {
        guard draft.title != nil else { throw EventsError.emptyTitle }
        try write { write in
            let event = try visibleEvent(eventSlug, in: write.db)
            var values = try Self.sessionValues(draft, event: event, current: nil, in: write.db)
            values[.eventID] = .text(event.id)
            values[.status] = .text(SessionStatus.scheduled.rawValue)
            if values[.format] == nil { values[.format] = .text(SessionFormat.plenary.rawValue) }
            try Self.checkSchedule(id: id, values: values, event: event, in: write.db)
            try write.insert(into: .sessions, id: id, values: values)
        }
        return id
    }

    /// Changes the given fields of a session and, with `status`, cancels or reinstates it, in one transaction
    /// that keeps the schedule rules; calendars see a new SEQUENCE when time, place or status change.
    public func editSession(id: String, _ draft: SessionDraft, status: SessionStatus? = nil) throws {
        try write { write in
            let current = try Self.session(id: id, in: write.db)
            let event = try Self.event(id: current.eventID, in: write.db)
            var values = try Self.sessionValues(draft, event: event, current: current, in: write.db)
            if let status, status != current.status { values[.status] = .text(status.rawValue) }
            let onlyCancels = values.keys.allSatisfy { $0 == .status } && status == .cancelled
            if !onlyCancels { try Self.checkSchedule(id: id, values: values, event: event, in: write.db) }
            if Self.changesTimeOrPlace(values, of: current) || values[.status] != nil {
                values[.sequence] = .integer(Int64(current.sequence + 1))
            }
            try write.update(.sessions, id: id, values: values)
        }
    }

    /// Moves a session to a new start (keeping its length) and optionally another room.
    public func moveSession(id: String, start: String, room: String? = nil) throws {
        try editSession(id: id, SessionDraft(start: start, room: room))
    }

    /// Cancels a session: it stays on the agenda, marked cancelled, so calendars show the cancellation.
    public func cancelSession(id: String) throws {
        try write { write in
            let current = try Self.session(id: id, in: write.db)
            guard !current.isCancelled else { return }
            try write.update(
                .sessions, id: id,
                values: [
                    .status: .text(SessionStatus.cancelled.rawValue),
                    .sequence: .integer(Int64(current.sequence + 1)),
                ])
        }
    }

    /// Deletes a session nobody answered or was invited to; one with RSVPs or invitations is cancelled instead
    /// (or they are removed first), so no answer is orphaned or re-attached to a session re-created later.
    public func deleteSession(id: String) throws {
        try delete(.sessions, id: id, missing: .sessionNotFound(id))
    }

    /// Whether calendars must treat the edit as a new version of the event (RFC 5545 SEQUENCE).
    private static func changesTimeOrPlace(_ values: [EventsColumn: SyncValue], of current: Session) -> Bool {
        func differs(_ column: EventsColumn, from date: Date) -> Bool {
            values[column].map { $0.text.flatMap { Instant.parse($0) } != date } ?? false
        }
        return differs(.startsAt, from: current.startsAt) || differs(.endsAt, from: current.endsAt)
            || (values[.room].map { $0.text != current.room } ?? false)
    }

    /// The replicated values a draft sets, validated one by one.
    private static func sessionValues(_ draft: SessionDraft, event: Event, current: Session?, in db: Database) throws
        -> [EventsColumn: SyncValue]
    {
        var values: [EventsColumn: SyncValue] = [:]
        if let title = draft.title {
            guard !title.cleanedText.isEmpty else { throw EventsError.emptyTitle }
            values[.title] = .text(try required(title, "session title", fitting: EventsSchema.title))
        }
        if draft.start != nil || draft.end != nil || current == nil {
            let (start, end) = try times(start: draft.start, end: draft.end, zone: event.timeZone, current: current)
            values[.startsAt] = .text(Instant.format(start))
            values[.endsAt] = .text(Instant.format(end))
        }
        if let format = draft.format {
            values[.format] = .text(try SessionFormat.parse(format, field: "session format").rawValue)
        }
        if let room = draft.room {
            values[.room] = try optionalText(room, "room")
            let linked = try RoomLink.room(named: values[.room]?.text, eventID: event.id, in: db)
            if linked != nil || current?.roomID != nil { values[.roomID] = linked.map(SyncValue.text) ?? .null }
        }
        if let segment = draft.segment {
            values[.segmentID] =
                segment.isEmpty ? .null : .text(try Self.segment(named: segment, eventID: event.id, in: db).id)
        }
        if let url = draft.joinURL { values[.joinURL] = try optionalURL(url) }
        if let url = draft.recordingURL { values[.recordingURL] = try optionalURL(url) }
        if let capacity = draft.capacity {
            guard capacity > 0 else { throw EventsError.invalidCapacity(capacity) }
            values[.capacity] = .integer(Int64(capacity))
        }
        if let invitationOnly = draft.invitationOnly { values[.invitationOnly] = .integer(invitationOnly ? 1 : 0) }
        if let chathamHouse = draft.chathamHouse { values[.chathamHouse] = .integer(chathamHouse ? 1 : 0) }
        if let minutes = draft.statementMinutes {
            guard (1...240).contains(minutes) else { throw EventsError.invalidStatementMinutes(minutes) }
            values[.statementMinutes] = .integer(Int64(minutes))
        }
        if let description = draft.description {
            values[.description] = try optionalText(description, "description", fitting: EventsSchema.longText)
        }
        return values
    }

    /// A session lies within its event's dates, and its room is not booked by another session then.
    private static func checkSchedule(id: String, values: [EventsColumn: SyncValue], event: Event, in db: Database)
        throws
    {
        var merged =
            try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE id = ?", arguments: [id]).map(Session.init(row:))
            ?? Session(row: Row([EventsColumn.id.name: id]))
        if let title = values[.title]?.text { merged.title = title }
        if let start = values[.startsAt]?.text, let date = Instant.parse(start) { merged.startsAt = date }
        if let end = values[.endsAt]?.text, let date = Instant.parse(end) { merged.endsAt = date }
        if let room = values[.room] { merged.room = room.text }
        if let status = values[.status]?.text.flatMap(SessionStatus.init(rawValue:)) { merged.status = status }
        guard Rules.liesWithin(merged, event) else {
            throw EventsError.outsideEvent(session: merged.title, starts: event.startsOn, ends: event.endsOn)
        }
        if let clash = try Rules.roomClash(for: merged, event: event, in: db) {
            throw EventsError.roomBusy(room: merged.room ?? "", with: clash.title)
        }
        for personID in try String.fetchAll(
            db, sql: "SELECT person_id FROM session_roles WHERE session_id = ?", arguments: [id])
        {
            if let clash = try Rules.personClash(personID: personID, in: merged, db: db) {
                throw EventsError.personBusy(person: try Self.personName(personID, in: db), with: clash.title)
            }
        }
    }

    private static func optionalURL(_ text: String) throws -> SyncValue {
        text.isEmpty ? .null : .text(try link(text))
    }

    private static func times(start: String?, end: String?, zone: TimeZone, current: Session?) throws -> (Date, Date) {
        func parse(_ text: String?, fallback: Date?) throws -> Date {
            if let text { return try Instant.parseUnambiguous(text, in: zone) }
            guard let fallback else { throw EventsError.invalidTime("") }
            return fallback
        }
        let startDate = try parse(start, fallback: current?.startsAt)
        // Moving only the start keeps the session's length, as a person dragging it in a calendar expects.
        let shiftedEnd = current.map { startDate.addingTimeInterval($0.endsAt.timeIntervalSince($0.startsAt)) }
        let endDate = try parse(end, fallback: start == nil ? current?.endsAt : shiftedEnd)
        guard endDate > startDate else {
            throw EventsError.endsBeforeStart(
                start: Instant.display(startDate, in: zone), end: Instant.display(endDate, in: zone))
        }
        return (startDate, endDate)
    }
}
