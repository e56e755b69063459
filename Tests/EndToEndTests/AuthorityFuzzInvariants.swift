import Foundation
import GRDB
import Sync

@testable import EventsCore

/// The daemon's replicated tables read straight from SQLite (not through the policy): every live row's fields,
/// every row's causal length (deleted rows included) and who stamped each seat decision.
struct FuzzSnapshot {
    var rows: [String: [String: [String: SyncValue]]] = [:]
    var lengths: [String: [String: Int64]] = [:]
    /// "id|column" of `rsvps.decision`, `decision_reason` and `waitlist_position` -> the replica whose stamp holds the field.
    var decisionStampers: [String: Data] = [:]
    var roles: [String: [String]] = [:]

    static func take(_ replica: Replica) throws -> FuzzSnapshot {
        try replica.read { db in
            var snapshot = FuzzSnapshot()
            for table in EventsSchema.replicated.tables {
                var rows: [String: [String: SyncValue]] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table.name.quotedDatabaseIdentifier)") {
                    let id: String = row["id"]
                    var values: [String: SyncValue] = [:]
                    for column in table.columns {
                        let value: DatabaseValue = row[column.name] ?? .null
                        values[column.name] = SyncValue.fromDatabaseValue(value) ?? .null
                    }
                    rows[id] = values
                }
                snapshot.rows[table.name] = rows
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT tbl, row_id, max(cl) AS cl FROM crdt_clock GROUP BY tbl, row_id")
            {
                snapshot.lengths[row["tbl"], default: [:]][row["row_id"]] = row["cl"]
            }
            for row in try Row.fetchAll(
                db,
                sql:
                    "SELECT row_id, col, replica FROM crdt_clock WHERE tbl = 'rsvps' AND col IN ('decision', 'decision_reason', 'waitlist_position')"
            ) {
                let id: String = row["row_id"]
                let column: String = row["col"]
                snapshot.decisionStampers["\(id)|\(column)"] = row["replica"]
            }
            return snapshot
        }
    }

    func row(_ table: String, _ id: String?) -> [String: SyncValue]? {
        guard let id else { return nil }
        return rows[table]?[id]
    }

    func text(_ table: String, _ id: String?, _ column: String) -> String? { row(table, id)?[column]?.text }

    func ids(_ table: String) -> [String] { (rows[table] ?? [:]).keys.sorted() }

    func length(_ table: String, _ id: String) -> Int64 { lengths[table]?[id] ?? 0 }

    /// The event a row belongs to, through its links; parents are looked up in `parents` in order.
    static func event(of table: String, _ values: [String: SyncValue], id: String, parents: [FuzzSnapshot]) -> String? {
        func parent(_ table: String, _ id: String?, _ column: String) -> String? {
            for snapshot in parents { if let row = snapshot.row(table, id) { return row[column]?.text } }
            return nil
        }
        switch table {
        case "events": return id
        case "segments", "rooms", "sessions", "declarations", "invitations": return values["event_id"]?.text
        case "session_roles", "rsvps": return parent("sessions", values["session_id"]?.text, "event_id")
        case "signatures": return parent("declarations", values["declaration_id"]?.text, "event_id")
        default: return nil
        }
    }
}

/// A non-admin account pushing from its own replica.
struct FuzzActor {
    let label: String
    let email: String
    let accountID: String
    let personID: String
    let replica: ReplicaID
    /// Events this account organizes (from `event_roles`, fixed for the run).
    let organizes: Set<String>
}

/// The rights table of the README, written independently of the policy code, checked on the database before and
/// after one batch and on what the pushing account's pull shows.
struct AuthorityInvariants {
    let daemonReplica: Data
    static let coChairColumns: Set<String> = ["title", "description", "join_url", "recording_url"]
    static let ownRSVPColumns: Set<String> = ["response", "substitute_id", "responded_at"]
    static let ownSignatureColumns: Set<String> = ["reservation", "signed_at"]
    static let ownPersonColumns: Set<String> = ["name", "country"]
    static let eventTables: Set<String> = [
        "segments", "rooms", "sessions", "session_roles", "invitations", "declarations",
    ]

    struct Context {
        let header: String
        let pushed: [Change]
    }

    static func short(_ value: SyncValue?) -> String {
        guard let value else { return "absent" }
        switch value {
        case .null: return "null"
        case .integer(let v): return "\(v)"
        case .real(let v): return "\(v)"
        case .blob(let v): return "blob(\(v.count))"
        case .text(let v):
            let escaped = v.unicodeScalars.map {
                $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "\\u{\(String($0.value, radix: 16))}" : String($0)
            }.joined()
            return escaped.count > 60 ? "\"\(escaped.prefix(60))…\"(\(v.utf8.count) B)" : "\"\(escaped)\""
        }
    }

    static func describe(_ change: Change) -> String {
        "\(change.table).\(change.column ?? "<exists>")[\(change.rowID.prefix(40))]=\(short(change.value)) cl \(change.stamp.causalLength) t \(change.stamp.time)"
    }

    func message(_ context: Context, _ table: String, _ id: String, _ text: String) -> String {
        let related = context.pushed.filter { $0.table == table && $0.rowID == id }.prefix(6).map(Self.describe)
        let pushed = related.isEmpty ? context.pushed.prefix(4).map(Self.describe) : Array(related)
        return "\(context.header): \(table) \(id): \(text); pushed: \(pushed.joined(separator: "; "))"
    }

    static func changedColumns(
        _ table: String, before: [String: SyncValue]?, after: [String: SyncValue]?, recreated: Bool
    ) -> Set<String> {
        let columns = EventsSchema.replicated.table(named: table)?.columns.map(\.name) ?? []
        switch (before, after) {
        case (nil, let after?): return Set(columns.filter { (after[$0] ?? .null) != .null })
        case (let before?, nil): return Set(columns.filter { (before[$0] ?? .null) != .null })
        case (let before?, let after?):
            if recreated {
                return Set(columns.filter { (after[$0] ?? .null) != .null || (before[$0] ?? .null) != .null })
            }
            return Set(columns.filter { before[$0] != after[$0] })
        default: return []
        }
    }

    /// Every check that compares the database after a batch to the one before it.
    func check(before: FuzzSnapshot, after: FuzzSnapshot, actor: FuzzActor, context: Context) -> [String] {
        var violations: [String] = []
        let coChaired = Set(
            before.ids("session_roles").compactMap { id -> String? in
                let role = before.row("session_roles", id)!
                return role["role"]?.text == "co-chair" && role["person_id"]?.text == actor.personID
                    ? role["session_id"]?.text : nil
            })
        let pushedKeys = Set(context.pushed.map { "\($0.table)|\($0.rowID)" })
        for table in EventsSchema.replicated.tables.map(\.name) {
            let ids = Set((before.rows[table] ?? [:]).keys).union((after.rows[table] ?? [:]).keys)
            for id in ids.sorted() {
                let old = before.row(table, id)
                let new = after.row(table, id)
                // A row put back as a newer incarnation with the same values (the daemon's compensation of a refused
                // deletion) is no change of content.
                guard old != new else { continue }
                let recreated = old != nil && new != nil && before.length(table, id) != after.length(table, id)
                let changed = Self.changedColumns(table, before: old, after: new, recreated: recreated)
                let what =
                    old == nil
                    ? "created"
                    : new == nil
                        ? "deleted" : recreated ? "re-created" : "changed \(changed.sorted().joined(separator: ","))"
                let detail = changed.sorted().map { "\($0): \(Self.short(old?[$0])) -> \(Self.short(new?[$0]))" }
                    .joined(separator: ", ")
                func flag(_ reason: String) {
                    violations.append(message(context, table, id, "\(what) [\(detail)]: \(reason)"))
                }
                // (1) rights
                if let reason = refusal(
                    table: table, id: id, old: old, new: new, recreated: recreated, changed: changed, actor: actor,
                    coChaired: coChaired,
                    before: before, after: after, context: context)
                {
                    flag(reason)
                }
                // (3) no RSVP or signature in another person's name appears
                if table == "rsvps" || table == "signatures", old == nil || recreated, let new,
                    new["person_id"]?.text != actor.personID
                {
                    flag(
                        "(3) a new \(table) row in the name of \(new["person_id"]?.text ?? "nobody"), not the pusher \(actor.personID)"
                    )
                }
                // Domain rules on rows this batch touched.
                if let new {
                    violations += integrity(
                        table: table, id: id, row: new, isNew: old == nil || recreated, changed: changed, after: after
                    )
                    .map { message(context, table, id, "\(what): \($0)") }
                }
                _ = pushedKeys
            }
        }
        violations += deletedWhileReferenced(before: before, after: after, context: context)
        violations += invitationsAppeared(before: before, after: after, actor: actor, context: context)
        violations += seats(before: before, after: after, context: context)
        return violations
    }

    /// (1) Why `actor` may not have made this change to the row, per the README's table; `nil` when it may.
    func refusal(
        table: String, id: String, old: [String: SyncValue]?, new: [String: SyncValue]?, recreated: Bool,
        changed: Set<String>,
        actor: FuzzActor, coChaired: Set<String>, before: FuzzSnapshot, after: FuzzSnapshot, context: Context
    ) -> String? {
        let organizes = actor.organizes
        let isOrganizer = !organizes.isEmpty
        let parents = [before, after]
        let eventBefore = old.flatMap { FuzzSnapshot.event(of: table, $0, id: id, parents: parents) }
        let eventAfter = new.flatMap { FuzzSnapshot.event(of: table, $0, id: id, parents: parents) }
        func organizesRow() -> Bool {
            let events = [eventBefore, eventAfter].compactMap { $0 }
            return !events.isEmpty && events.allSatisfy(organizes.contains) && (old == nil || eventBefore != nil)
                && (new == nil || eventAfter != nil)
        }
        switch table {
        case "events":
            if old == nil { return "only an administrator creates an event" }
            if changed.contains("slug") && new != nil && !recreated { return "an event's slug cannot change" }
            return organizes.contains(id) ? nil : "not an organizer of event \(id)"
        case "sessions":
            if organizesRow() { return nil }
            if let old, let new, !recreated, coChaired.contains(id), changed.isSubset(of: Self.coChairColumns),
                old["event_id"] == new["event_id"]
            {
                return nil
            }
            return coChaired.contains(id)
                ? "a co-chair may change only title, description and links of the session (changed \(changed.sorted()))"
                : "not an organizer of the session's event (\(eventBefore ?? "-") -> \(eventAfter ?? "-"))"
        case "invitations":
            let sessionEvents = [old, new].compactMap { $0?["session_id"]?.text }.map { session in
                before.text("sessions", session, "event_id") ?? after.text("sessions", session, "event_id")
                    ?? "unknown session"
            }
            if organizesRow(), sessionEvents.allSatisfy(organizes.contains) { return nil }
            // A daemon-written delegation invitation is judged by invariant (2).
            if old == nil, new?["invited_by"]?.text == "delegation" { return nil }
            // Handing the place over: the delegator's own invitation goes when the daemon invites the substitute.
            if let old, new == nil, old["person_id"]?.text == actor.personID,
                after.ids("rsvps").contains(where: { rsvp in
                    let row = after.row("rsvps", rsvp)!
                    return row["person_id"]?.text == actor.personID && row["response"]?.text == "delegated"
                        && (old["session_id"] == .null || row["session_id"] == old["session_id"])
                })
            {
                return nil
            }
            return "not an organizer of the invitation's event (\(eventBefore ?? "-") -> \(eventAfter ?? "-"))"
        case "segments", "rooms", "session_roles", "declarations":
            return organizesRow()
                ? nil : "not an organizer of the row's event (\(eventBefore ?? "-") -> \(eventAfter ?? "-"))"
        case "rsvps":
            var rest = changed
            rest.remove("decision")
            rest.remove("decision_reason")
            rest.remove("waitlist_position")
            if let reason = forgedDecision(
                id: id, old: old, new: new, changed: changed, actor: actor, after: after, context: context)
            {
                return reason
            }
            if new == nil, let old, let session = old["session_id"]?.text, after.row("sessions", session) == nil,
                before.row("sessions", session) != nil,
                let event = before.text("sessions", session, "event_id"), organizes.contains(event)
            {
                return nil  // removed with its session by the session's organizer
            }
            if rest.isEmpty { return nil }
            let ownBefore = old.map { $0["person_id"]?.text == actor.personID } ?? true
            let ownAfter = new.map { $0["person_id"]?.text == actor.personID } ?? true
            guard ownBefore && ownAfter else {
                return "another person's RSVP (person \(old?["person_id"]?.text ?? new?["person_id"]?.text ?? "-"))"
            }
            if old != nil, new != nil, !recreated, !rest.isSubset(of: Self.ownRSVPColumns) {
                return "only the response and substitute of one's own RSVP may change (changed \(rest.sorted()))"
            }
            return nil
        case "signatures":
            let ownBefore = old.map { $0["person_id"]?.text == actor.personID } ?? true
            let ownAfter = new.map { $0["person_id"]?.text == actor.personID } ?? true
            guard ownBefore && ownAfter else { return "another person's signature" }
            if old != nil, new != nil, !recreated, !changed.isSubset(of: Self.ownSignatureColumns) {
                return "a signature's declaration and person cannot change (changed \(changed.sorted()))"
            }
            return nil
        case "people":
            if changed.contains("email"), old != nil, new != nil, !recreated, old?["email"] != .null {
                return "a person's email cannot change"
            }
            if isOrganizer { return nil }
            guard id == actor.personID else { return "another person's row (attendees may change only their own name)" }
            guard old != nil, new != nil, !recreated else {
                return "an attendee may not create, delete or re-create a person"
            }
            return changed.isSubset(of: Self.ownPersonColumns)
                ? nil : "an attendee may change only their own name and details (changed \(changed.sorted()))"
        case "organizations":
            return isOrganizer ? nil : "only organizers change organizations"
        default:
            return "unknown table"
        }
    }

    /// `rsvps.decision`, `decision_reason` and `waitlist_position` are the daemon's alone.
    func forgedDecision(
        id: String, old: [String: SyncValue]?, new: [String: SyncValue]?, changed: Set<String>, actor: FuzzActor,
        after: FuzzSnapshot,
        context: Context
    ) -> String? {
        guard new != nil else { return nil }
        for column in ["decision", "decision_reason", "waitlist_position"] where changed.contains(column) {
            if after.decisionStampers["\(id)|\(column)"] == actor.replica.bytes {
                return "rsvps.\(column) now holds the pusher's own stamp: a forged decision was stored"
            }
            let proposed = context.pushed.filter { $0.table == "rsvps" && $0.rowID == id && $0.column == column }.map(
                \.value)
            let others = changed.subtracting(["decision", "decision_reason", "waitlist_position"])
            let session = new?["session_id"]?.text
            let sessionMoved = context.pushed.contains { change in
                change.table == "rsvps" && change.column == "response" && change.rowID != id
                    && after.text("rsvps", change.rowID, "session_id") == session
            }
            if !proposed.isEmpty, proposed.contains(new?[column] ?? .null), others.isEmpty, !sessionMoved,
                new?[column] != .null
            {
                return
                    "rsvps.\(column) became the value the pusher proposed (\(Self.short(new?[column]))) with no answer that would make the daemon decide"
            }
        }
        return nil
    }

    /// Rules any stored row must keep once a batch touched it: derived ids, no self-delegation, links to rows that exist.
    func integrity(
        table: String, id: String, row: [String: SyncValue], isNew: Bool, changed: Set<String>, after: FuzzSnapshot
    ) -> [String] {
        var problems: [String] = []
        func link(_ column: String, _ target: String) {
            guard let value = row[column]?.text else { return }
            if after.row(target, value) == nil { problems.append("\(column) \(value) names no live \(target) row") }
        }
        switch table {
        case "rsvps":
            let session = row["session_id"]?.text ?? ""
            let person = row["person_id"]?.text ?? ""
            if isNew, id != StableID.make("rsvp", session, person) {
                problems.append("an RSVP whose id is not derived from its session and person")
            }
            if changed.contains("substitute_id") || changed.contains("response"),
                let substitute = row["substitute_id"]?.text
            {
                if substitute == person { problems.append("self-delegation: substitute_id is the RSVP's own person") }
                if row["response"]?.text != "delegated" {
                    problems.append("a substitute named on a response '\(row["response"]?.text ?? "null")'")
                }
                link("substitute_id", "people")
            }
            if isNew {
                link("session_id", "sessions")
                link("person_id", "people")
            }
        case "signatures":
            if isNew, id != StableID.make("signature", row["declaration_id"]?.text ?? "", row["person_id"]?.text ?? "")
            {
                problems.append("a signature whose id is not derived from its declaration and person")
            }
            if isNew {
                link("declaration_id", "declarations")
                link("person_id", "people")
            }
        case "invitations":
            if isNew,
                id
                    != StableID.make(
                        "invitation", row["event_id"]?.text ?? "", row["session_id"]?.text ?? "",
                        row["person_id"]?.text ?? "")
            {
                problems.append("an invitation whose id is not derived from its event, session and person")
            }
            if isNew {
                link("event_id", "events")
                link("person_id", "people")
                link("session_id", "sessions")
            }
            if let session = row["session_id"]?.text, let sessionEvent = after.text("sessions", session, "event_id"),
                sessionEvent != row["event_id"]?.text
            {
                problems.append(
                    "an invitation to event \(row["event_id"]?.text ?? "-") names session \(session) of event \(sessionEvent)"
                )
            }
        case "session_roles":
            if isNew {
                link("session_id", "sessions")
                link("person_id", "people")
            }
        case "people":
            if isNew, let email = row["email"]?.text, id != StableID.make("person", email.lowercased()) {
                problems.append("a person whose id is not derived from the email")
            }
        default: break
        }
        return problems
    }

    static let references: [(table: String, column: String, target: String)] = [
        ("sessions", "event_id", "events"), ("segments", "event_id", "events"), ("rooms", "event_id", "events"),
        ("declarations", "event_id", "events"), ("invitations", "event_id", "events"),
        ("session_roles", "session_id", "sessions"),
        ("rsvps", "session_id", "sessions"), ("invitations", "session_id", "sessions"),
        ("signatures", "declaration_id", "declarations"),
        ("session_roles", "person_id", "people"), ("rsvps", "person_id", "people"),
        ("rsvps", "substitute_id", "people"),
        ("invitations", "person_id", "people"), ("signatures", "person_id", "people"),
    ]

    /// A row this batch deleted is no longer named by a live row (the API answers 409 "still referenced").
    func deletedWhileReferenced(before: FuzzSnapshot, after: FuzzSnapshot, context: Context) -> [String] {
        var violations: [String] = []
        for target in Set(Self.references.map(\.target)) {
            for id in before.ids(target) where after.row(target, id) == nil {
                let users = Self.references.filter { $0.target == target }.flatMap { reference in
                    after.ids(reference.table).filter { after.text(reference.table, $0, reference.column) == id }.map {
                        "\(reference.table).\(reference.column) of \($0)"
                    }
                }
                if !users.isEmpty {
                    violations.append(
                        message(
                            context, target, id,
                            "deleted while still referenced by \(users.prefix(5).joined(separator: ", "))\(users.count > 5 ? " and \(users.count - 5) more" : "")"
                        ))
                }
            }
        }
        return violations
    }

    /// (2) A non-organizer's batch makes no invitation appear but the daemon's delegation one, for a substitute named
    /// in an RSVP whose person was invited.
    func invitationsAppeared(before: FuzzSnapshot, after: FuzzSnapshot, actor: FuzzActor, context: Context) -> [String]
    {
        var violations: [String] = []
        for id in after.ids("invitations") where before.row("invitations", id) == nil {
            let invitation = after.row("invitations", id)!
            let event = invitation["event_id"]?.text ?? ""
            if actor.organizes.contains(event) { continue }
            let person = invitation["person_id"]?.text
            let session = invitation["session_id"]?.text
            guard invitation["invited_by"]?.text == "delegation" else {
                violations.append(
                    message(
                        context, "invitations", id,
                        "(2) an invitation appeared (person \(person ?? "-"), event \(event), session \(session ?? "-"), invited_by \(Self.short(invitation["invited_by"]))) that is not a delegation"
                    ))
                continue
            }
            let delegators = after.ids("rsvps").compactMap { rsvpID -> [String: SyncValue]? in
                let rsvp = after.row("rsvps", rsvpID)!
                guard rsvp["response"]?.text == "delegated", rsvp["substitute_id"]?.text == person else { return nil }
                guard let rsvpSession = rsvp["session_id"]?.text,
                    after.text("sessions", rsvpSession, "event_id") == event
                        || before.text("sessions", rsvpSession, "event_id") == event
                else { return nil }
                if let session, session != rsvpSession { return nil }
                return rsvp
            }
            let invitedDelegator = delegators.first { rsvp in
                let delegator = rsvp["person_id"]?.text
                let rsvpSession = rsvp["session_id"]?.text
                return before.ids("invitations").contains { invitationID in
                    let held = before.row("invitations", invitationID)!
                    return held["person_id"]?.text == delegator && held["event_id"]?.text == event
                        && (held["session_id"] == nil || held["session_id"] == .null
                            || held["session_id"]?.text == rsvpSession)
                }
            }
            if invitedDelegator == nil {
                let names = delegators.map { "\($0["person_id"]?.text ?? "-") on \($0["session_id"]?.text ?? "-")" }
                violations.append(
                    message(
                        context, "invitations", id,
                        "(2) a delegation invitation for \(person ?? "-") (event \(event), session \(session ?? "-")) whose delegating RSVP's person was not invited before the batch (delegators: \(names.isEmpty ? "none" : names.joined(separator: ", ")))"
                    ))
            }
        }
        return violations
    }

    /// (4) Confirmed seats never exceed a session's capacity (its own, else its room's); a confirmed seat of an
    /// invitation-only session or event belongs to an invited person, and to one who accepted.
    func seats(before: FuzzSnapshot, after: FuzzSnapshot, context: Context) -> [String] {
        var violations: [String] = []
        func confirmed(_ snapshot: FuzzSnapshot, _ session: String) -> [String] {
            snapshot.ids("rsvps").filter {
                let rsvp = snapshot.row("rsvps", $0)!
                return rsvp["session_id"]?.text == session && rsvp["decision"]?.text == "confirmed"
            }
        }
        func capacity(_ snapshot: FuzzSnapshot, _ session: String) -> Int64? {
            guard let row = snapshot.row("sessions", session) else { return nil }
            if case .integer(let seats)? = row["capacity"] { return seats }
            guard let room = row["room"]?.text else { return nil }
            for id in snapshot.ids("rooms") {
                let candidate = snapshot.row("rooms", id)!
                if candidate["event_id"] == row["event_id"], candidate["name"]?.text == room,
                    case .integer(let seats)? = candidate["capacity"]
                {
                    return seats
                }
            }
            return nil
        }
        for session in after.ids("sessions") {
            let now = confirmed(after, session)
            let then = confirmed(before, session)
            if let seats = capacity(after, session), now.count > seats,
                Set(now) != Set(then) || capacity(before, session) != seats
            {
                violations.append(
                    message(
                        context, "sessions", session,
                        "(4) \(now.count) confirmed RSVPs for \(seats) seats: \(now.joined(separator: ", "))"))
            }
            let row = after.row("sessions", session)!
            let event = row["event_id"]?.text
            let invitationOnly =
                row["invitation_only"] == .integer(1) || after.row("events", event)?["invitation_only"] == .integer(1)
            for id in now where !then.contains(id) {
                let rsvp = after.row("rsvps", id)!
                if let response = rsvp["response"]?.text, response != "accepted" && response != "delegated" {
                    violations.append(
                        message(context, "rsvps", id, "(4) newly confirmed although the response is '\(response)'"))
                }
                guard invitationOnly else { continue }
                let person = rsvp["person_id"]?.text
                let invited = after.ids("invitations").contains {
                    let held = after.row("invitations", $0)!
                    return held["person_id"]?.text == person && held["event_id"]?.text == event
                        && (held["session_id"] == .null || held["session_id"] == nil
                            || held["session_id"]?.text == session)
                }
                let hasRole = after.ids("session_roles").contains {
                    let role = after.row("session_roles", $0)!
                    return role["person_id"]?.text == person && role["session_id"]?.text == session
                }
                if !invited && !hasRole {
                    violations.append(
                        message(
                            context, "rsvps", id,
                            "(4) a newly confirmed seat in invitation-only session \(session) for \(person ?? "-"), who holds no invitation"
                        ))
                }
            }
        }
        return violations
    }

    /// (5) What `actor`'s pull shows, against the current rights: no other person's email, RSVP, invitation or
    /// signature (unless organizer of its event), no row of an unpublished event the account has no invitation or
    /// role in; with only session-scoped invitations to such an event, only those sessions.
    func checkPull(_ changes: [Change], snapshot: FuzzSnapshot, actor: FuzzActor, header: String) -> [String] {
        var violations: [String] = []
        let myInvitations = snapshot.ids("invitations").compactMap { snapshot.row("invitations", $0) }.filter {
            $0["person_id"]?.text == actor.personID
        }
        let myRoleSessions = Set(
            snapshot.ids("session_roles").compactMap { snapshot.row("session_roles", $0) }.filter {
                $0["person_id"]?.text == actor.personID
            }
            .compactMap { $0["session_id"]?.text })
        var reported = Set<String>()
        for change in changes {
            guard let row = snapshot.row(change.table, change.rowID) else { continue }
            let key = "\(change.table)|\(change.rowID)|\(change.column ?? "")"
            func flag(_ reason: String) {
                guard reported.insert(key).inserted else { return }
                violations.append("\(header): (5) pull shows \(Self.describe(change)): \(reason)")
            }
            let event = FuzzSnapshot.event(of: change.table, row, id: change.rowID, parents: [snapshot])
            let organizer = event.map(actor.organizes.contains) ?? false
            let ownRow =
                ["rsvps", "invitations", "signatures"].contains(change.table)
                && row["person_id"]?.text == actor.personID
            if let event, !organizer, !ownRow {
                let published = snapshot.row("events", event)?["published"] == .integer(1)
                if !published {
                    let eventWide = myInvitations.contains {
                        $0["event_id"]?.text == event && ($0["session_id"] == .null || $0["session_id"] == nil)
                    }
                    let scoped = Set(
                        myInvitations.filter { $0["event_id"]?.text == event }.compactMap { $0["session_id"]?.text })
                    let roleSessions = myRoleSessions.filter { snapshot.text("sessions", $0, "event_id") == event }
                    if !eventWide && scoped.isEmpty && roleSessions.isEmpty {
                        flag("a row of unpublished event \(event), in which the account has no invitation or role")
                    } else if !eventWide {
                        let session: String? =
                            change.table == "sessions"
                            ? change.rowID
                            : ["session_roles", "rsvps", "invitations"].contains(change.table)
                                ? row["session_id"]?.text : nil
                        if let session, !scoped.contains(session), !roleSessions.contains(session) {
                            flag(
                                "session \(session) of unpublished event \(event), outside the account's session-scoped invitations"
                            )
                        }
                    }
                }
            }
            switch change.table {
            case "sessions"
            where change.column == "join_url" && change.value != .null && !organizer
                && !myRoleSessions.contains(change.rowID):
                // README, "Join links": private when the session needs a seat, for all but organizers, people in a
                // role and people whose RSVP is confirmed.
                let roomCapacity = snapshot.row("rooms", row["room_id"]?.text)?["capacity"].map { $0 != .null } ?? false
                let needsSeat =
                    (row["capacity"].map { $0 != .null } ?? false) || roomCapacity
                    || row["invitation_only"] == .integer(1)
                    || snapshot.row("events", event)?["invitation_only"] == .integer(1)
                let seated = snapshot.ids("rsvps").contains {
                    let rsvp = snapshot.row("rsvps", $0)!
                    return rsvp["session_id"]?.text == change.rowID && rsvp["person_id"]?.text == actor.personID
                        && rsvp["decision"]?.text == "confirmed"
                }
                if needsSeat, !seated {
                    flag("the join link of a session that needs a seat, to an account without one")
                }
            case "people":
                if actor.organizes.isEmpty, change.rowID != actor.personID, change.column == "email",
                    change.value != .null
                {
                    flag("another person's email")
                }
            case "rsvps":
                if !organizer, row["person_id"]?.text != actor.personID {
                    flag("another person's RSVP (\(row["person_id"]?.text ?? "-"))")
                }
            case "invitations":
                if !organizer, row["person_id"]?.text != actor.personID {
                    flag("another person's invitation (\(row["person_id"]?.text ?? "-"))")
                }
            case "signatures":
                if !organizer, row["person_id"]?.text != actor.personID {
                    flag("another person's signature (\(row["person_id"]?.text ?? "-"))")
                }
            default: break
            }
        }
        return violations
    }
}
