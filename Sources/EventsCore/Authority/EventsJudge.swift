import GRDB
import Sync

/// Judges the rows one account's write touched, each as a whole (before and after), with the account's rights
/// as they were before the write. Facts about other rows (which event a session belongs to) come from `Facts`:
/// committed state or rows already accepted, never what the same write proposes.
struct EventsJudge: RowJudge {
    let rights: Rights

    static let coChairColumns: Set<EventsColumn> = [.title, .description, .joinURL, .recordingURL]
    /// Columns only the daemon writes, by table, with the refusal of a write to them: seat decisions and what a
    /// publication recorded.
    static let daemonColumns: [EventsTable: (columns: Set<EventsColumn>, refusal: String)] = [
        .rsvps: ([.decision, .decisionReason, .waitlistPosition], "Only the daemon decides on seats."),
        .scheduleVersions: (
            [.number, .publishedAt, .publishedBy, .hash, .content], "Only the daemon numbers published versions."
        ),
        .statements: ([.arrival], "Only the daemon orders a list of speakers."),
    ]
    /// A person's own details. Not their organization: it says which delegation they speak and inscribe for,
    /// which organizers decide.
    static let ownPersonColumns: Set<EventsColumn> = [.name, .country]
    /// Columns that say what a row belongs to or who it is: fixed at its creation except for administrators.
    static let linkColumns: [EventsTable: [EventsColumn]] = [
        .events: [.slug, .series], .segments: [.eventID], .rooms: [.eventID], .declarations: [.eventID],
        .sessions: [.eventID], .sessionRoles: [.sessionID, .personID],
        .invitations: [.eventID, .sessionID, .personID], .rsvps: [.sessionID, .personID, .substituteID],
        .signatures: [.declarationID, .personID], .people: [.email], .documents: [.sessionID, .url],
        .statements: [.sessionID, .personID], .observers: [.eventID, .organizationID],
        .bodies: [.series], .bodyMembers: [.bodyID, .organizationID],
    ]

    func refusal(of change: RowChange, facts: Facts) throws -> String? {
        guard rights.personID != nil else { return "account \(rights.accountID) no longer exists" }
        if let table = change.eventsTable, let owned = Self.daemonColumns[table], change.touches(any: owned.columns) {
            return owned.refusal
        }
        if change.eventsTable == .scheduleVersions {
            return try ScheduleVersionRules(rights: rights, facts: facts).refusal(of: change)
        }
        if let reason = try integrityRefusal(of: change, facts: facts) { return reason }
        if change.isDeletion, let users = try users(of: change, facts: facts) {
            return "This \(change.table.singularNoun) is still named by \(users); remove those first."
        }
        if rights.isAdmin { return nil }
        if let moved = movedLink(in: change) {
            return
                "A \(change.table.singularNoun)'s \(moved.name) is fixed at its creation; delete it and create a new one instead."
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
            expected = try pair(after, .sessionID, .personID).map { RowID.rsvp(session: $0, person: $1) }
        case .signatures:
            expected = try pair(after, .declarationID, .personID).map {
                RowID.signature(declaration: $0, person: $1)
            }
        case .invitations:
            expected = try pair(after, .eventID, .personID).map {
                RowID.invitation(event: $0, session: after.text(.sessionID), person: $1)
            }
        case .people:
            guard let email = after.text(.email) else { return nil }
            expected = RowID.person(email: email)
        case .statements:
            expected = try pair(after, .sessionID, .personID).map { RowID.statement(session: $0, person: $1) }
        case .observers:
            expected = try pair(after, .eventID, .organizationID).map {
                RowID.observer(event: $0, organization: $1)
            }
        default:
            return nil
        }
        guard let expected else { return "A new \(change.table.singularNoun) must name what it links." }
        return change.id == expected ? nil : "This \(change.table.singularNoun) has a malformed id."
    }

    private func pair(_ row: RowState, _ first: EventsColumn, _ second: EventsColumn) throws -> (String, String)? {
        guard let one = row.text(first), let two = row.text(second) else { return nil }
        return (one, two)
    }

    private func movedLink(in change: RowChange) -> EventsColumn? {
        guard let before = change.before, change.after != nil else { return nil }
        return change.eventsTable.flatMap { Self.linkColumns[$0] }?.first { column in
            change.changes(column) && !(column == .substituteID && before[column] == .null)
        }
    }

    private func rightsRefusal(of change: RowChange, facts: Facts) throws -> String? {
        guard let state = change.state else { return nil }
        switch EventsTable(rawValue: change.table) {
        case .events:
            if change.isCreation || change.isDeletion { return "Only administrators create or delete events." }
            return rights.organizes.contains(change.id) ? nil : "You are not an organizer of this event."
        case .segments, .rooms, .observers:
            return organizerRefusal(change, event: state.text(.eventID))
        case .declarations:
            guard let event = state.text(.eventID) else {
                return "Only administrators manage a declaration without an event."
            }
            return organizerRefusal(change, event: event)
        case .bodies:
            return try seriesRefusal(series: state.text(.series), facts: facts)
        case .bodyMembers:
            let series = try state.text(.bodyID).flatMap { try facts.value(.bodies, $0, .series)?.text }
            return try seriesRefusal(series: series, facts: facts)
        case .invitations:
            let event = state.text(.eventID)
            if let session = state.text(.sessionID),
                try facts.value(.sessions, session, .eventID)?.text != event
            {
                return "The invitation's session is not part of its event."
            }
            return organizerRefusal(change, event: event)
        case .sessions:
            return try sessionRefusal(change, state: state, facts: facts)
        case .sessionRoles, .documents:
            let event = try state.text(.sessionID).flatMap {
                try facts.value(.sessions, $0, .eventID)?.text
            }
            return organizerRefusal(change, event: event)
        case .organizations:
            return rights.organizes.isEmpty ? "Only organizers add or change organizations." : nil
        case .people:
            if state.text(.email) == nil, state.text(.affiliation) != nil {
                return "A signatory known by name and affiliation is kept by administrators."
            }
            if !rights.organizes.isEmpty { return nil }
            let ownDetails = change.id == rights.personID && !change.isCreation && !change.isDeletion
            return ownDetails && change.touchesOnly(Self.ownPersonColumns)
                ? nil : "You may change only your own name and details."
        case .rsvps:
            return try RSVPRules(rights: rights, facts: facts).refusal(of: change, state: state)
        case .statements:
            return try StatementRules(rights: rights, facts: facts).refusal(of: change, state: state)
        case .signatures:
            return try SignatureRules(rights: rights, facts: facts).refusal(of: change, state: state)
        default:
            return "'\(change.table)' cannot be changed."
        }
    }

    /// The rows that still name a row of another table (`namedBy`), `nil` when none do: deleting it would
    /// orphan them (a session with answers is cancelled instead).
    private func users(of change: RowChange, facts: Facts) throws -> String? {
        let references = change.eventsTable.flatMap { RowReferences.namedBy[$0] } ?? []
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

    /// A series' bodies are kept by the organizers of its events.
    private func seriesRefusal(series: String?, facts: Facts) throws -> String? {
        let organizesSeries =
            try series != nil
            && rights.organizes.contains {
                try facts.value(.events, $0, .series)?.text?.lowercased() == series?.lowercased()
            }
        return organizesSeries ? nil : "Only organizers of the series' events keep its bodies."
    }

    private func sessionRefusal(_ change: RowChange, state: RowState, facts: Facts) throws -> String? {
        let event = state.text(.eventID)
        if let event, rights.organizes.contains(event) {
            if let room = state.text(.roomID), change.isCreation || change.changes(.roomID),
                try facts.value(.rooms, room, .eventID)?.text != event
            {
                return "The room is not part of the session's event."
            }
            guard let segment = state.text(.segmentID), change.isCreation || change.changes(.segmentID) else {
                return nil
            }
            return try facts.value(.segments, segment, .eventID)?.text == event
                ? nil : "The segment is not part of the session's event."
        }
        guard rights.coChairs.contains(change.id) else { return "Only the event's organizers may change its sessions." }
        let editsText = !change.isCreation && !change.isDeletion && change.touchesOnly(Self.coChairColumns)
        return editsText ? nil : "Co-chairs may change a session's title, description and links only."
    }
}
