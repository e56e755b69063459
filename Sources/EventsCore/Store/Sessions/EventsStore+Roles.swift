import GRDB

extension EventsStore {
    public func editRole(id: String, position: Int?) throws {
        try write { write in
            try Self.requireRow(.sessionRoles, id: id, in: write)
            guard let position else { return }
            guard position > 0 else { throw EventsError.invalidPosition(position) }
            try write.update(.sessionRoles, id: id, values: [.position: .integer(Int64(position))])
        }
    }

    /// Gives a person a role in a session; refuses a person already busy elsewhere at that time.
    @discardableResult
    public func addRole(sessionID: String, person reference: String, role: String, position: Int? = nil) throws
        -> String
    {
        let role = try SessionRoleKind.parse(role, field: "role")
        return try write { write in
            let session = try Self.session(id: sessionID, in: write.db)
            let person = try Self.person(reference, in: write.db)
            if let clash = try Rules.personClash(personID: person.id, in: session, db: write.db) {
                throw EventsError.personBusy(person: person.name, with: clash.title)
            }
            let id = RowID.role(session: session.id, person: person.id, role: role)
            let next =
                try Int.fetchOne(
                    write.db,
                    sql: "SELECT coalesce(max(position), 0) + 1 FROM session_roles WHERE session_id = ? AND role = ?",
                    arguments: [session.id, role.rawValue]) ?? 1
            try upsert(
                &write, table: .sessionRoles, id: id,
                values: [
                    .sessionID: .text(session.id), .personID: .text(person.id), .role: .text(role.rawValue),
                    .position: .integer(Int64(position ?? next)),
                ])
            return id
        }
    }

    public func removeRole(sessionID: String, person reference: String, role: String) throws {
        let role = try SessionRoleKind.parse(role, field: "role")
        try write { write in
            let person = try Self.person(reference, in: write.db)
            let id = RowID.role(session: sessionID, person: person.id, role: role)
            guard try write.exists(in: .sessionRoles, id: id) else {
                throw EventsError.notFound(kind: "\(role.rawValue) role of \(person.name) in session", key: sessionID)
            }
            try write.delete(from: .sessionRoles, id: id)
        }
    }

    /// The roles of a session's people in display order, with names and organizations.
    public func roles(sessionID: String) throws -> [(role: SessionRole, person: Person, organization: Organization?)] {
        try replica.read { db in
            try SessionRole.fetchAll(
                db, sql: "SELECT * FROM session_roles WHERE session_id = ? ORDER BY role, position",
                arguments: [sessionID]
            )
            .compactMap { role in
                guard
                    let person = try Person.fetchOne(
                        db, sql: "SELECT * FROM people WHERE id = ?", arguments: [role.personID])
                else {
                    return nil
                }
                let organization = try person.organizationID.flatMap {
                    try Organization.fetchOne(db, sql: "SELECT * FROM organizations WHERE id = ?", arguments: [$0])
                }
                return (role, person, organization)
            }
        }
    }

    public func deleteRole(id: String) throws { try delete(.sessionRoles, id: id) }
}
