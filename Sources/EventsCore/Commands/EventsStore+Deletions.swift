import GRDB
import Sync

/// Deleting rows. A row others still refer to is refused with what refers to it, so nothing is left dangling
/// through this path (offline deletes that cross are reported by `conflicts`).
extension EventsStore {
    public func deleteEvent(id: String) throws { try delete("events", id: id) }

    public func deleteSegment(id: String) throws { try delete("segments", id: id) }

    public func deleteRoom(id: String) throws { try delete("rooms", id: id) }

    public func deleteOrganization(id: String) throws { try delete("organizations", id: id) }

    public func deletePerson(id: String) throws { try delete("people", id: id) }

    public func deleteRole(id: String) throws { try delete("session_roles", id: id) }

    public func deleteInvitation(id: String) throws { try delete("invitations", id: id) }

    /// Withdraws an RSVP: its seat, if it had one, goes to the next person waiting.
    public func deleteRSVP(id: String) throws { try delete("rsvps", id: id) }

    public func deleteDeclaration(id: String) throws { try delete("declarations", id: id) }

    public func deleteSignature(id: String) throws { try delete("signatures", id: id) }

    /// Deletes the row unless rows of other tables still name it (`RowReferences`), which are then named; a row
    /// that does not exist is `missing` (by default "No <kind> '<id>'").
    func delete(_ table: String, id: String, missing: EventsError? = nil) throws {
        try write { write in
            guard try write.exists(in: table, id: id) else { throw missing ?? EventsError.notFound(kind: table.singularNoun, key: id) }
            var users: [String: Int] = [:]
            for reference in RowReferences.namedBy[table] ?? [] {
                let sql = "SELECT count(*) FROM \(reference.table) WHERE \(reference.column) = ?"
                let count = try Int.fetchOne(write.db, sql: sql, arguments: [id]) ?? 0
                if count > 0 { users[reference.table, default: 0] += count }
            }
            guard users.isEmpty else {
                let named = users.keys.sorted().map { "\(users[$0]!) \($0.replacingOccurrences(of: "_", with: " "))" }
                throw EventsError.inUse(kind: table.singularNoun, key: id, by: named.joined(separator: " and "))
            }
            try write.delete(from: table, id: id)
        }
    }
}
