import GRDB
import Sync

/// Deleting rows. A row others still refer to is refused with what refers to it, so nothing is left dangling
/// through this path (offline deletes that cross are reported by `conflicts`).
extension EventsStore {
    public func deleteEvent(id: String) throws { try delete(EventsTable.events.name, id: id) }

    public func deleteSegment(id: String) throws { try delete(EventsTable.segments.name, id: id) }

    public func deleteRoom(id: String) throws { try delete(EventsTable.rooms.name, id: id) }

    public func deleteOrganization(id: String) throws { try delete(EventsTable.organizations.name, id: id) }

    public func deletePerson(id: String) throws { try delete(EventsTable.people.name, id: id) }

    public func deleteRole(id: String) throws { try delete(EventsTable.sessionRoles.name, id: id) }

    public func deleteInvitation(id: String) throws { try delete(EventsTable.invitations.name, id: id) }

    /// Withdraws an RSVP: its seat, if it had one, goes to the next person waiting.
    public func deleteRSVP(id: String) throws { try delete(EventsTable.rsvps.name, id: id) }

    public func deleteDeclaration(id: String) throws { try delete(EventsTable.declarations.name, id: id) }

    public func deleteSignature(id: String) throws { try delete(EventsTable.signatures.name, id: id) }

    /// Deletes the row unless rows of other tables still name it (`RowReferences`), which are then named; a row
    /// that does not exist is `missing` (by default "No <kind> '<id>'").
    func delete(_ table: String, id: String, missing: EventsError? = nil) throws {
        try write { write in
            guard try write.exists(in: table, id: id) else {
                throw missing ?? EventsError.notFound(kind: table.singularNoun, key: id)
            }
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
