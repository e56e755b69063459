import Foundation

/// What changed for attendees between two states of an event's programme, session by session: a session that
/// appeared was added; one that was cancelled or removed is cancelled (and nothing else is said of it); one
/// cancelled before and scheduled now is reinstated; then a new time, room, title or set of people, each its
/// own change. In session order (by time, then title).
public struct ScheduleComparison {
    public let before: ScheduleSnapshot
    public let after: ScheduleSnapshot
    /// The event, by slug, and its time zone, in which times are told.
    public let event: String
    public let timeZone: TimeZone

    public init(from before: ScheduleSnapshot, to after: ScheduleSnapshot, of event: Event) {
        self.before = before
        self.after = after
        self.event = event.slug
        timeZone = event.timeZone
    }

    public var changes: [ScheduleChange] {
        let ids = Set(before.sessions.map(\.id)).union(after.sessions.map(\.id))
        let ordered = ids.compactMap { id in (after.session(id) ?? before.session(id)).map { (id, $0) } }
            .sorted { ($0.1.startsAt, $0.1.title, $0.0) < ($1.1.startsAt, $1.1.title, $1.0) }
        return ordered.flatMap { id, _ in changes(of: before.session(id), to: after.session(id)) }
    }

    func changes(
        of old: ScheduleSnapshot.SessionState?, to new: ScheduleSnapshot.SessionState?
    ) -> [ScheduleChange] {
        switch (old, new) {
        case (nil, let new?):
            return new.isCancelled ? [] : [change(new, .added, nil, place(new))]
        case (let old?, nil):
            return old.isCancelled ? [] : [change(old, .cancelled, place(old), "removed from the programme")]
        case (let old?, let new?):
            return changes(between: old, and: new)
        case (nil, nil):
            return []
        }
    }

    private func changes(
        between old: ScheduleSnapshot.SessionState, and new: ScheduleSnapshot.SessionState
    ) -> [ScheduleChange] {
        if new.isCancelled {
            return old.isCancelled ? [] : [change(new, .cancelled, place(old), "cancelled")]
        }
        var found: [ScheduleChange] = []
        if old.isCancelled { found.append(change(new, .reinstated, "cancelled", place(new))) }
        if (old.startsAt, old.endsAt) != (new.startsAt, new.endsAt) {
            found.append(change(new, .moved, time(old), time(new)))
        }
        if old.room != new.room { found.append(change(new, .room, old.room ?? "no room", new.room ?? "no room")) }
        if old.title != new.title { found.append(change(new, .retitled, old.title, new.title)) }
        if old.people != new.people { found.append(peopleChange(old, new)) }
        return found
    }

    private func change(
        _ session: ScheduleSnapshot.SessionState, _ kind: ScheduleChange.Kind, _ before: String?, _ after: String?
    ) -> ScheduleChange {
        ScheduleChange(
            event: event, sessionID: session.id, title: session.title, kind: kind, before: before, after: after)
    }

    /// `Tue 2017-09-19 10:00–11:30` on the event's clock.
    private func time(_ session: ScheduleSnapshot.SessionState) -> String {
        Instant.display(session.startsAt, in: timeZone, pattern: "EEE yyyy-MM-dd ")
            + Instant.timeRange(from: session.startsAt, to: session.endsAt, in: timeZone)
    }

    private func place(_ session: ScheduleSnapshot.SessionState) -> String {
        session.room.map { "\(time(session)), \($0)" } ?? time(session)
    }

    /// Who left the session's roles and who joined them (`co-chair: Youssef Alaoui (Morocco)` → `co-chair: María
    /// Hernández (Mexico)`); when only their order changed, the whole list before and after.
    private func peopleChange(
        _ old: ScheduleSnapshot.SessionState, _ new: ScheduleSnapshot.SessionState
    ) -> ScheduleChange {
        let left = old.people.filter { !new.people.contains($0) }
        let joined = new.people.filter { !old.people.contains($0) }
        if left.isEmpty, joined.isEmpty { return change(new, .people, describe(old.people), describe(new.people)) }
        return change(new, .people, describe(left), describe(joined))
    }

    /// `co-chair: Ana Diaz (Ecuador); speaker: Li Wei`, or `nobody`.
    private func describe(_ people: [ScheduleSnapshot.PersonInRole]) -> String {
        guard !people.isEmpty else { return "nobody" }
        return people.map { person in
            let name = person.isForgotten ? "someone no longer listed" : person.name
            return "\(person.role): \(name)" + (person.organization.map { " (\($0))" } ?? "")
        }.joined(separator: "; ")
    }
}
