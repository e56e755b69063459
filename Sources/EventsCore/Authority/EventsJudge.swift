import GRDB
import Sync

/// Judges the rows one account's write touched, each as a whole (before and after), with the account's rights
/// as they were before the write. Facts about other rows (which event a session belongs to) come from `Facts`:
/// committed state or rows already accepted, never what the same write proposes.
struct EventsJudge: RowJudge {
    let rights: Rights

    static let coChairColumns: Set = ["title", "description", "join_url", "recording_url"]
    static let daemonColumns: Set = ["decision", "decision_reason", "waitlist_position"]
    static let ownPersonColumns: Set = ["name", "organization_id", "country"]
    /// Columns that say what a row belongs to or who it is: fixed at its creation except for administrators.
    static let linkColumns: [String: [String]] = [
        EventsTable.events.name: ["slug"], EventsTable.segments.name: ["event_id"],
        EventsTable.rooms.name: ["event_id"], EventsTable.declarations.name: ["event_id"],
        EventsTable.sessions.name: ["event_id"], EventsTable.sessionRoles.name: ["session_id", "person_id"],
        EventsTable.invitations.name: ["event_id", "session_id", "person_id"],
        EventsTable.rsvps.name: ["session_id", "person_id", "substitute_id"],
        EventsTable.signatures.name: ["declaration_id", "person_id"], EventsTable.people.name: ["email"],
    ]

    func refusal(of change: RowChange, facts: Facts) throws -> String? {
        guard rights.personID != nil else { return "account \(rights.accountID) no longer exists" }
        if change.table == EventsTable.rsvps.name, !change.columns.isDisjoint(with: Self.daemonColumns) {
            return "Only the daemon decides on seats."
        }
        if let reason = try integrityRefusal(of: change, facts: facts) { return reason }
        if change.isDeletion, let users = try users(of: change, facts: facts) {
            return "This \(change.table.singularNoun) is still named by \(users); remove those first."
        }
        if rights.isAdmin { return nil }
        if let moved = movedLink(in: change) {
            return
                "A \(change.table.singularNoun)'s \(moved) is fixed at its creation; delete it and create a new one instead."
        }
        return try rightsRefusal(of: change, facts: facts)
    }

    /// Rules that bind administrators too: rows that stand for a pair (an RSVP, a signature, an invitation, a
    /// person's email) have the id derived from it, so there is one of each, by construction.
    private func integrityRefusal(of change: RowChange, facts: Facts) throws -> String? {
        guard let after = change.after, change.isCreation else { return nil }
        let expected: String?
        switch EventsTable(rawValue: change.table) {
        case .rsvps:
            expected = try pair(after, "session_id", "person_id").map { RowID.rsvp(session: $0, person: $1) }
        case .signatures:
            expected = try pair(after, "declaration_id", "person_id").map {
                RowID.signature(declaration: $0, person: $1)
            }
        case .invitations:
            expected = try pair(after, "event_id", "person_id").map {
                RowID.invitation(event: $0, session: after.text("session_id"), person: $1)
            }
        case .people:
            guard let email = after.text("email") else { return nil }
            expected = RowID.person(email: email)
        default:
            return nil
        }
        guard let expected else { return "A new \(change.table.singularNoun) must name what it links." }
        return change.id == expected ? nil : "This \(change.table.singularNoun) has a malformed id."
    }

    private func pair(_ row: RowState, _ first: String, _ second: String) throws -> (String, String)? {
        guard let one = row.text(first), let two = row.text(second) else { return nil }
        return (one, two)
    }

    private func movedLink(in change: RowChange) -> String? {
        guard let before = change.before, change.after != nil else { return nil }
        return Self.linkColumns[change.table]?.first { column in
            change.changes(column) && !(column == "substitute_id" && before[column] == .null)
        }
    }

    private func rightsRefusal(of change: RowChange, facts: Facts) throws -> String? {
        guard let state = change.state else { return nil }
        switch EventsTable(rawValue: change.table) {
        case .events:
            if change.isCreation || change.isDeletion { return "Only administrators create or delete events." }
            return rights.organizes.contains(change.id) ? nil : "You are not an organizer of this event."
        case .segments, .rooms, .declarations:
            return organizerRefusal(change, event: state.text("event_id"))
        case .invitations:
            let event = state.text("event_id")
            if let session = state.text("session_id"),
                try facts.value(EventsTable.sessions.name, session, "event_id")?.text != event
            {
                return "The invitation's session is not part of its event."
            }
            return organizerRefusal(change, event: event)
        case .sessions:
            return try sessionRefusal(change, state: state, facts: facts)
        case .sessionRoles:
            let event = try state.text("session_id").flatMap {
                try facts.value(EventsTable.sessions.name, $0, "event_id")?.text
            }
            return organizerRefusal(change, event: event)
        case .organizations:
            return rights.organizes.isEmpty ? "Only organizers add or change organizations." : nil
        case .people:
            if !rights.organizes.isEmpty { return nil }
            let ownDetails = change.id == rights.personID && !change.isCreation && !change.isDeletion
            return ownDetails && change.columns.isSubset(of: Self.ownPersonColumns)
                ? nil : "You may change only your own name and details."
        case .rsvps:
            return try RSVPRules(rights: rights, facts: facts).refusal(of: change, state: state)
        case .signatures:
            let event = try state.text("declaration_id").flatMap {
                try facts.value(EventsTable.declarations.name, $0, "event_id")?.text
            }
            return ownRowRefusal(change, state: state, event: event, what: "sign")
        default:
            return "'\(change.table)' cannot be changed."
        }
    }

    /// The rows that still name a row of another table (`namedBy`), `nil` when none do: deleting it would
    /// orphan them (a session with answers is cancelled instead).
    private func users(of change: RowChange, facts: Facts) throws -> String? {
        let references = RowReferences.namedBy[change.table] ?? []
        let users = try references.filter { try facts.count($0.table, where: $0.column, is: change.id) > 0 }.map(
            \.table.singularNoun)
        return users.isEmpty ? nil : Array(Set(users)).sorted().joined(separator: ", ")
    }

    private func organizerRefusal(_ change: RowChange, event: String?) -> String? {
        guard let event, rights.organizes.contains(event) else {
            return
                "Only the event's organizers may change its \(change.table.replacingOccurrences(of: "_", with: " "))."
        }
        return nil
    }

    private func sessionRefusal(_ change: RowChange, state: RowState, facts: Facts) throws -> String? {
        let event = state.text("event_id")
        if let event, rights.organizes.contains(event) {
            if let room = state.text("room_id"), change.isCreation || change.changes("room_id"),
                try facts.value(EventsTable.rooms.name, room, "event_id")?.text != event
            {
                return "The room is not part of the session's event."
            }
            guard let segment = state.text("segment_id"), change.isCreation || change.changes("segment_id") else {
                return nil
            }
            return try facts.value(EventsTable.segments.name, segment, "event_id")?.text == event
                ? nil : "The segment is not part of the session's event."
        }
        guard rights.coChairs.contains(change.id) else { return "Only the event's organizers may change its sessions." }
        let editsText = !change.isCreation && !change.isDeletion && change.columns.isSubset(of: Self.coChairColumns)
        return editsText ? nil : "Co-chairs may change a session's title, description and links only."
    }

    /// Signatures (and RSVPs): written by their person alone; the event's organizers may remove them, never forge.
    func ownRowRefusal(_ change: RowChange, state: RowState, event: String?, what: String) -> String? {
        let mine = state.text("person_id") == rights.personID
        if change.isDeletion, mine || event.map(rights.organizes.contains) == true { return nil }
        guard mine else { return "You can only \(what) for yourself." }
        guard let event, rights.sees.contains(event) || rights.organizes.contains(event) else {
            return "You have no access to this event."
        }
        return nil
    }
}
