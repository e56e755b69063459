import Foundation
import GRDB
import Sync

/// The daemon's seat decisions for a session, taken inside the push transaction so that racing RSVPs are
/// serialized: accepted answers in arrival order take the seats (session capacity, else its room's), the rest
/// wait in that order; on invitation-only events or sessions only invitees get a seat; a delegation invites
/// the substitute in the delegator's place.
struct SeatAllocator {
    var writer: LocalWrite

    /// Decides the session's seats again; `changed` are the RSVPs whose answers just arrived, which join or leave
    /// the arrival order (the others keep their place). Reads only the accepted answers, in arrival order, and
    /// writes only the decisions that change. When the changes are only new acceptances, which join the end of
    /// the queue, the decisions ahead of them stand (they are this allocator's): only the new ones are decided,
    /// from the counts of seats and places already given. Anything else about the session (`fully`) decides all.
    mutating func reconsider(sessionID: String, changed: Set<String>, fully: Bool = true) throws {
        let db = writer.db
        guard
            let session = try Session.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM sessions WHERE id = ?"), arguments: [sessionID]),
            let event = try Event.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM events WHERE id = ?"), arguments: [session.eventID])
        else { return }
        var arrived: [RSVP] = []
        var onlyArrivals = !fully
        for id in changed {
            guard
                let rsvp = try RSVP.fetchOne(
                    db.cachedStatement(sql: "SELECT * FROM rsvps WHERE id = ?"), arguments: [id])
            else {
                continue
            }
            if rsvp.response == .accepted {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO rsvp_arrivals (rsvp_id, session_id) VALUES (?, ?)")
                    .execute(arguments: [rsvp.id, sessionID])
                if db.changesCount == 1 { arrived.append(rsvp) } else { onlyArrivals = false }
            } else {
                onlyArrivals = false
                try db.cachedStatement(sql: "DELETE FROM rsvp_arrivals WHERE rsvp_id = ?").execute(arguments: [rsvp.id])
                try decide(rsvp, .undecided)
            }
            if rsvp.response == .delegated, let substitute = rsvp.substituteID {
                try handOver(rsvp, to: substitute, session: session)
            }
        }
        if onlyArrivals {
            try decideArrivals(arrived, session: session, event: event)
        } else {
            try decideQueue(session: session, event: event)
        }
    }

    /// Every accepted answer of the session in arrival order.
    private mutating func decideQueue(session: Session, event: Event) throws {
        let queue = try Row.fetchAll(
            writer.db,
            sql: """
                SELECT r.* FROM rsvp_arrivals a JOIN rsvps r ON r.id = a.rsvp_id
                WHERE r.session_id = ? AND r.response = 'accepted' ORDER BY a.arrival
                """,
            arguments: [session.id])
        var tally = Tally(capacity: try capacity(of: session))
        for row in queue { try decide(try RSVP(row: row), in: session, of: event, tally: &tally) }
    }

    /// New acceptances at the end of the queue (in the order they arrived), after the seats and places already
    /// given: counted on the index of answers and decisions, less those the new acceptances held before.
    private mutating func decideArrivals(_ arrived: [RSVP], session: Session, event: Event) throws {
        let ids = Array(Set(arrived.map(\.id)))
        let marks = ids.map { _ in "?" }.joined(separator: ",")
        let given = try Row.fetchOne(
            writer.db.cachedStatement(
                sql: """
                    SELECT
                    (SELECT count(*) FROM rsvps WHERE session_id = :session AND response = 'accepted' AND decision = 'confirmed'),
                    (SELECT count(*) FROM rsvps WHERE session_id = :session AND response = 'accepted' AND decision = 'waitlisted')
                    """),
            arguments: ["session": session.id])
        let held = Dictionary(grouping: arrived.compactMap(\.decision), by: { $0 }).mapValues(\.count)
        var tally = Tally(
            capacity: try capacity(of: session), confirmed: (given?[0] ?? 0) - held[.confirmed, default: 0],
            waiting: (given?[1] ?? 0) - held[.waitlisted, default: 0])
        if let capacity = tally.capacity, tally.confirmed > capacity {
            return try decideQueue(session: session, event: event)
        }
        let order = try Dictionary(
            uniqueKeysWithValues: Row.fetchAll(
                writer.db, sql: "SELECT rsvp_id, arrival FROM rsvp_arrivals WHERE rsvp_id IN (\(marks))",
                arguments: StatementArguments(ids)
            ).map { ($0[0] as String, $0[1] as Int64) })
        for rsvp in arrived.sorted(by: { order[$0.id, default: 0] < order[$1.id, default: 0] }) {
            try decide(rsvp, in: session, of: event, tally: &tally)
        }
    }

    /// The session's seats (its capacity, else its room's; `nil` for no limit) and the seats given and places in
    /// the queue so far, in arrival order.
    private struct Tally {
        let capacity: Int?
        var confirmed = 0
        var waiting = 0

        var hasFreeSeat: Bool { capacity.map { confirmed < $0 } ?? true }
    }

    /// One accepted answer's decision, after those ahead of it in the queue (`tally`).
    private mutating func decide(_ rsvp: RSVP, in session: Session, of event: Event, tally: inout Tally) throws {
        if session.isCancelled {
            try decide(rsvp, .refused("the session is cancelled"))
        } else if event.invitationOnly || session.invitationOnly, try !isInvited(rsvp.personID, to: session) {
            try decide(rsvp, .refused("not invited: this session is by invitation only"))
        } else if tally.hasFreeSeat {
            tally.confirmed += 1
            try decide(rsvp, .confirmed)
        } else {
            tally.waiting += 1
            try decide(rsvp, .waitlisted(at: tally.waiting))
        }
    }

    /// The sessions with a waitlisted answer that has no place in the queue.
    static func unnumberedSessions(in db: Database) throws -> [String] {
        try String.fetchAll(
            db.cachedStatement(
                sql: "SELECT DISTINCT session_id FROM rsvps WHERE decision = 'waitlisted' AND waitlist_position IS NULL"
            )
        )
    }

    /// Re-decides the given sessions' seats, which numbers their queues.
    static func renumber(_ sessions: [String], writer: inout LocalWrite) throws {
        var allocator = SeatAllocator(writer: writer)
        for session in sessions { try allocator.reconsider(sessionID: session, changed: []) }
        writer = allocator.writer
    }

    /// A delegation hands the delegator's place over: the substitute is invited to the session, and the
    /// delegator's own invitation to it ends, so one invitation never yields two seats.
    private mutating func handOver(_ rsvp: RSVP, to substitute: String, session: Session) throws {
        _ = try EventsStore.invite(
            &writer, eventID: session.eventID, sessionID: session.id, personID: substitute, invitedBy: "delegation")
        let own = RowID.invitation(event: session.eventID, session: session.id, person: rsvp.personID)
        if try writer.exists(in: .invitations, id: own) {
            try writer.delete(from: .invitations, id: own)
        }
    }

    private func capacity(of session: Session) throws -> Int? {
        if let capacity = session.capacity { return capacity }
        guard let room = session.roomID else { return nil }
        return try Int.fetchOne(
            writer.db.cachedStatement(sql: "SELECT capacity FROM rooms WHERE id = ?"), arguments: [room])
    }

    private func isInvited(_ personID: String, to session: Session) throws -> Bool {
        try Bool.fetchOne(
            writer.db.cachedStatement(
                sql: """
                    SELECT EXISTS (SELECT 1 FROM invitations WHERE person_id = ? AND event_id = ?
                    AND (session_id IS NULL OR session_id = ?))
                    """),
            arguments: [personID, session.eventID, session.id]) ?? false
    }

    private mutating func decide(_ rsvp: RSVP, _ verdict: SeatVerdict) throws {
        guard SeatVerdict(rsvp) != verdict else { return }
        try writer.update(
            .rsvps, id: rsvp.id,
            values: [
                .decision: verdict.decision.map { .text($0.rawValue) } ?? .null,
                .decisionReason: verdict.reason.map(SyncValue.text) ?? .null,
                .waitlistPosition: verdict.position.map { .integer(Int64($0)) } ?? .null,
            ])
    }
}

/// The daemon's three decision fields of one RSVP, as they are and as they should be.
private struct SeatVerdict: Equatable {
    var decision: SeatDecision?
    var reason: String?
    var position: Int?

    init(_ rsvp: RSVP) {
        self.init(decision: rsvp.decision, reason: rsvp.decisionReason, position: rsvp.waitlistPosition)
    }

    private init(decision: SeatDecision?, reason: String?, position: Int?) {
        self.decision = decision
        self.reason = reason
        self.position = position
    }

    /// No decision: the person is not (or no longer) asking for a seat.
    static let undecided = SeatVerdict(decision: nil, reason: nil, position: nil)
    static let confirmed = SeatVerdict(decision: .confirmed, reason: nil, position: nil)

    static func refused(_ reason: String) -> SeatVerdict {
        SeatVerdict(decision: .refused, reason: reason, position: nil)
    }

    /// The reason keeps the position in words for laptops on schema 2, which have no position column.
    static func waitlisted(at position: Int) -> SeatVerdict {
        SeatVerdict(decision: .waitlisted, reason: "full: position \(position) on the waiting list", position: position)
    }
}

extension EventsPolicy {
    /// After a batch: reconsider the seats of every session whose RSVPs, capacity or invitations changed, then
    /// keep the names of sessions put under the Chatham House Rule out of published versions, and number the
    /// schedule publications and the inscriptions on lists of speakers it brought.
    public func didApply(rows: [RowKey], by principal: String, writer: inout LocalWrite) throws {
        try decideSeats(after: rows, writer: &writer)
        try ScheduleRedaction.redact(after: rows, writer: &writer)
        try ScheduleNumbering.number(rows, by: principal, writer: &writer)
        try StatementArrivals.number(rows, writer: &writer)
    }

    private func decideSeats(after rows: [RowKey], writer: inout LocalWrite) throws {
        for row in rows where row.table == EventsTable.rooms.name { try RoomLink.followRoom(row.id, writer: &writer) }
        for row in rows where row.table == EventsTable.sessions.name {
            try RoomLink.followName(ofSession: row.id, writer: &writer)
        }
        var sessions: [String] = []
        var changed: [String: Set<String>] = [:]
        // Sessions where more than new answers changed: every seat is decided again.
        var whole: Set<String> = []
        for row in rows {
            switch EventsTable(rawValue: row.table) {
            case .rsvps:
                for session in try String.fetchAll(
                    writer.db.cachedStatement(sql: "SELECT session_id FROM rsvps WHERE id = ?"), arguments: [row.id])
                {
                    sessions.append(session)
                    changed[session, default: []].insert(row.id)
                }
                let withdrawn = try withdrawnSeat(of: row.id, in: writer.db)
                sessions += withdrawn
                whole.formUnion(withdrawn)
            case .sessions:
                sessions.append(row.id)
                whole.insert(row.id)
            case .events:
                // An event made invitation-only (or open again) changes who may hold a seat in every session.
                let affected = try String.fetchAll(
                    writer.db.cachedStatement(
                        sql:
                            "SELECT DISTINCT r.session_id FROM rsvps r JOIN sessions s ON s.id = r.session_id WHERE s.event_id = ?"
                    ),
                    arguments: [row.id])
                sessions += affected
                whole.formUnion(affected)
            case .invitations, .rooms:
                guard let event = try event(of: row, in: writer.db) else { continue }
                let affected = try String.fetchAll(
                    writer.db,
                    sql:
                        "SELECT DISTINCT r.session_id FROM rsvps r JOIN sessions s ON s.id = r.session_id WHERE s.event_id = ?",
                    arguments: [event])
                sessions += affected
                whole.formUnion(affected)
            default:
                continue
            }
        }
        var allocator = SeatAllocator(writer: writer)
        var seen: Set<String> = []
        for session in sessions where seen.insert(session).inserted {
            try allocator.reconsider(
                sessionID: session, changed: changed[session] ?? [], fully: whole.contains(session))
        }
        writer = allocator.writer
    }

    /// The event of an invitation or room, alive or just deleted (a revoked invitation re-decides its seats).
    private func event(of row: RowKey, in db: Database) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT event_id FROM \(row.table.quotedDatabaseIdentifier) WHERE id = ?"),
            arguments: [row.id])
            ?? DeletedRows.scopeValue(of: row.table, row: row.id, column: EventsColumn.eventID.name, in: db)
    }

    /// The session of a deleted RSVP that was queued for a seat, which it leaves to the next in line.
    private func withdrawnSeat(of rsvpID: String, in db: Database) throws -> [String] {
        guard
            try
                !(Bool.fetchOne(
                    db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM rsvps WHERE id = ?)"), arguments: [rsvpID])
                ?? false)
        else { return [] }
        let session = try String.fetchOne(
            db.cachedStatement(sql: "SELECT session_id FROM rsvp_arrivals WHERE rsvp_id = ?"), arguments: [rsvpID])
        try db.cachedStatement(sql: "DELETE FROM rsvp_arrivals WHERE rsvp_id = ?").execute(arguments: [rsvpID])
        return session.map { [$0] } ?? []
    }
}
