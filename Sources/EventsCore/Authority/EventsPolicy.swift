import GRDB
import Sync

/// Who may change what, judged by the daemon for every pushed change against current rights:
/// administrators anything; an event's organizers its event, segments, rooms, sessions, roles, invitations and
/// declarations; co-chairs their session's title, description and links; every person their own RSVP
/// response and signature. Seat decisions are the daemon's alone.
public struct EventsPolicy: SyncPolicy {
    public init() {}

    static let coChairColumns: Set = ["title", "description", "join_url", "recording_url"]
    static let daemonColumns: Set = ["decision", "decision_reason"]

    public func refusal(of change: Change, by principal: String, in batch: BatchContext) throws -> String? {
        let rights = try batch.memo.value("rights:\(principal)") { try Rights.load(principal, in: batch.db) }
        guard rights.personID != nil else { return "account \(principal) no longer exists" }
        if change.table == "rsvps", let column = change.column, Self.daemonColumns.contains(column) {
            return "Only the daemon decides on seats."
        }
        if rights.isAdmin { return nil }
        let row = change.rowID
        switch change.table {
        case "events":
            if change.isExistence { return "Only administrators create or delete events." }
            return rights.organizes.contains(row) ? nil : "You are not an organizer of this event."
        case "segments", "rooms", "declarations", "invitations":
            return try organizerRefusal(of: change, rights: rights, events: eventIDs(of: change, in: batch))
        case "sessions":
            let events = try eventIDs(of: change, in: batch)
            if !events.isEmpty, events.allSatisfy(rights.organizes.contains) { return nil }
            if let column = change.column, Self.coChairColumns.contains(column), try rights.coChairs(row, in: batch.db) { return nil }
            return try rights.coChairs(row, in: batch.db)
                ? "Co-chairs may change a session's title, description and links only."
                : "Only the event's organizers may change its sessions."
        case "session_roles":
            let session = try batch.value(table: "session_roles", row: row, column: "session_id")?.text
            let event = try session.flatMap { try batch.value(table: "sessions", row: $0, column: "event_id")?.text }
            return try organizerRefusal(of: change, rights: rights, events: [event].compactMap { $0 })
        case "organizations":
            return rights.organizes.isEmpty ? "Only organizers add or change organizations." : nil
        case "people":
            if !rights.organizes.isEmpty { return nil }
            if row == rights.personID, !change.isExistence, change.column != "email" { return nil }
            return "You may change only your own name and details."
        case "rsvps":
            return try ownRowRefusal(change, in: batch, rights: rights, parent: "session_id", kind: "rsvp", what: "answer")
        case "signatures":
            return try ownRowRefusal(change, in: batch, rights: rights, parent: "declaration_id", kind: "signature", what: "sign")
        default:
            return "'\(change.table)' cannot be changed."
        }
    }

    /// The events a change touches: the row's current event and the one the batch moves it to.
    private func eventIDs(of change: Change, in batch: BatchContext) throws -> [String] {
        let current = try batch.currentValue(table: change.table, row: change.rowID, column: "event_id")?.text
        let proposed = try batch.value(table: change.table, row: change.rowID, column: "event_id")?.text
        return Array(Set([current, proposed].compactMap { $0 }))
    }

    private func organizerRefusal(of change: Change, rights: Rights, events: [String]) throws -> String? {
        guard !events.isEmpty, events.allSatisfy(rights.organizes.contains) else {
            return "Only the event's organizers may change its \(change.table.replacingOccurrences(of: "_", with: " "))."
        }
        return nil
    }

    /// RSVPs and signatures: a person writes only their own, under the id derived from what it links, unless
    /// they organize the event it belongs to.
    private func ownRowRefusal(_ change: Change, in batch: BatchContext, rights: Rights, parent: String, kind: String, what: String) throws -> String? {
        let person = try batch.value(table: change.table, row: change.rowID, column: "person_id")?.text
        let parentID = try batch.value(table: change.table, row: change.rowID, column: parent)?.text
        let parentTable = parent == "session_id" ? "sessions" : "declarations"
        let event = try parentID.flatMap { try batch.value(table: parentTable, row: $0, column: "event_id")?.text }
        if let event, rights.organizes.contains(event) { return nil }
        guard let person, person == rights.personID else { return "You can only \(what) for yourself." }
        guard let parentID, change.rowID == StableID.make(kind, parentID, person) else { return "This \(kind) has a malformed id." }
        guard let event, rights.sees.contains(event) else { return "You have no access to this event." }
        return nil
    }
}
