import GRDB

extension EventsStore {
    /// Every rule violation among the event's sessions, each reported once.
    public func conflicts(eventSlug: String) throws -> [Conflict] {
        try replica.read { db in
            let event = try visibleEvent(eventSlug, in: db)
            let sessions = try Session.fetchAll(
                db, sql: "SELECT * FROM sessions WHERE event_id = ? ORDER BY starts_at, id", arguments: [event.id])
            var found: [Conflict] = []
            var seenPairs: Set<[String]> = []
            func add(_ kind: Conflict.Kind, _ ids: [String], _ message: String) {
                let key = [kind.rawValue] + ids.sorted()
                guard seenPairs.insert(key).inserted else { return }
                found.append(Conflict(kind: kind, sessionIDs: ids, message: message))
            }
            for session in sessions where !session.isCancelled {
                if session.endsAt <= session.startsAt {
                    add(.times, [session.id], "'\(session.title)' ends before it starts.")
                }
                if !Rules.liesWithin(session, event) {
                    add(
                        .outsideEvent, [session.id],
                        "'\(session.title)' lies outside \(event.startsOn) – \(event.endsOn).")
                }
                if let capacity = session.capacity, capacity <= 0 {
                    add(.capacity, [session.id], "'\(session.title)' has a capacity of \(capacity).")
                }
                if let other = try Rules.roomClash(for: session, event: event, in: db) {
                    add(
                        .roomDoubleBooked, [session.id, other.id],
                        "\(session.room ?? "") is booked for both '\(session.title)' and '\(other.title)'.")
                }
                for row in try Row.fetchAll(
                    db, sql: "SELECT person_id FROM session_roles WHERE session_id = ?", arguments: [session.id])
                {
                    let personID: String = row[EventsColumn.personID]
                    if let other = try Rules.personClash(personID: personID, in: session, db: db) {
                        let name = try Self.personName(personID, in: db)
                        add(
                            .personDoubleBooked, [session.id, other.id],
                            "\(name) is on both '\(session.title)' and '\(other.title)' at the same time.")
                    }
                }
                if event.series == "GFMD", session.format == .roundtable,
                    let problem = try Rules.coChairProblem(of: session, in: db)
                {
                    add(.coChairs, [session.id], problem)
                }
                if event.series == "GFMD", session.format == .roundtable {
                    for observer in try Rules.observersCoChairing(session, in: db) {
                        add(
                            .observerCoChair, [session.id],
                            "\(observer) observes \(event.slug); an observer does not co-chair the government roundtable '\(session.title)'."
                        )
                    }
                }
                let selfSubstitutes =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM rsvps WHERE session_id = ? AND substitute_id = person_id",
                        arguments: [session.id]) ?? 0
                if selfSubstitutes > 0 {
                    add(
                        .substitute, [session.id],
                        "\(selfSubstitutes) RSVP(s) for '\(session.title)' delegate to the same person.")
                }
            }
            for imbalance in try Rules.steeringGroupImbalances(for: event, in: db) {
                add(.steeringGroupUnbalanced, [], imbalance)
            }
            return found
        }
    }

    static func personName(_ id: String, in db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT name FROM people WHERE id = ?", arguments: [id]) ?? id
    }
}
