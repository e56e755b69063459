import GRDB
import Sync

/// Deleting rows. A row others still refer to is refused with what refers to it, so nothing is left dangling
/// through this path (offline deletes that cross are reported by `conflicts`).
extension EventsStore {
    /// Rows of another table that refer to the row being deleted, bound to `?`.
    struct Reference {
        let sql: String
        let what: String
    }

    public func deleteEvent(id: String) throws {
        try delete(
            "events", id: id,
            unlessUsedBy: ["sessions", "segments", "rooms", "invitations", "declarations"].map {
                Reference(sql: "SELECT count(*) FROM \($0) WHERE event_id = ?", what: $0)
            })
    }

    public func deleteSegment(id: String) throws {
        try delete("segments", id: id, unlessUsedBy: [Reference(sql: "SELECT count(*) FROM sessions WHERE segment_id = ?", what: "sessions")])
    }

    public func deleteRoom(id: String) throws {
        try delete("rooms", id: id, unlessUsedBy: [Reference(sql: "SELECT count(*) FROM sessions WHERE room_id = ?", what: "sessions")])
    }

    public func deleteOrganization(id: String) throws {
        try delete("organizations", id: id, unlessUsedBy: [Reference(sql: "SELECT count(*) FROM people WHERE organization_id = ?", what: "people")])
    }

    public func deletePerson(id: String) throws {
        try delete(
            "people", id: id,
            unlessUsedBy: ["session_roles", "invitations", "rsvps", "signatures"].map {
                Reference(sql: "SELECT count(*) FROM \($0) WHERE person_id = ?", what: $0.replacingOccurrences(of: "_", with: " "))
            })
    }

    public func deleteRole(id: String) throws { try delete("session_roles", id: id, unlessUsedBy: []) }

    public func deleteInvitation(id: String) throws { try delete("invitations", id: id, unlessUsedBy: []) }

    /// Withdraws an RSVP: its seat, if it had one, goes to the next person waiting.
    public func deleteRSVP(id: String) throws { try delete("rsvps", id: id, unlessUsedBy: []) }

    public func deleteDeclaration(id: String) throws {
        try delete("declarations", id: id, unlessUsedBy: [Reference(sql: "SELECT count(*) FROM signatures WHERE declaration_id = ?", what: "signatures")])
    }

    public func deleteSignature(id: String) throws { try delete("signatures", id: id, unlessUsedBy: []) }

    func delete(_ table: String, id: String, unlessUsedBy references: [Reference]) throws {
        try write { write in
            try Self.requireRow(table, id: id, in: write)
            let users = try references.compactMap { reference -> String? in
                let count = try Int.fetchOne(write.db, sql: reference.sql, arguments: [id]) ?? 0
                return count > 0 ? "\(count) \(reference.what)" : nil
            }
            guard users.isEmpty else { throw EventsError.inUse(kind: table.singularNoun, key: id, by: users.joined(separator: " and ")) }
            try write.delete(from: table, id: id)
        }
    }
}
