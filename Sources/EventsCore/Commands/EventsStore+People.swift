import Foundation
import GRDB
import Sync

extension EventsStore {
    /// Adds an organization, or updates the one of that name.
    @discardableResult
    public func addOrganization(name: String, kind: String, country: String? = nil, developmentStatus: String? = nil)
        throws -> String
    {
        let name = try Self.required(name, "organization name")
        let kind = try OrganizationKind.parse(kind, field: "organization kind")
        let status = try developmentStatus.map { try DevelopmentStatus.parse($0, field: "development status") }
        if status != nil, kind != .government {
            throw EventsError.invalid("Only governments are developed or developing; '\(name)' is \(kind.rawValue).")
        }
        let id = RowID.organization(name: name)
        try write { write in
            try upsert(
                &write, table: EventsTable.organizations.name, id: id,
                values: [
                    "name": .text(name), "kind": .text(kind.rawValue), "country": country.map(SyncValue.text) ?? .null,
                    "development_status": status.map { .text($0.rawValue) } ?? .null,
                ])
        }
        return id
    }

    /// Adds a person (or updates the one with that email); the organization must exist.
    @discardableResult
    public func addPerson(name: String, email: String?, organization: String? = nil, country: String? = nil) throws
        -> String
    {
        try write { write in
            try addPerson(&write, name: name, email: email, organization: organization, country: country)
        }
    }

    /// Imports people from CSV with a header row `name,email,organization,country` (email, organization and
    /// country may be empty), read strictly. All rows or none: a file with malformed or invalid rows imports
    /// nothing and names their lines, unless `skipInvalid`, which imports the others and reports them skipped.
    /// A person named twice in one file is imported once.
    public func importPeople(csv text: String, skipInvalid: Bool = false) throws -> ImportReport {
        let table: CSVTable
        do {
            table = try CSVTable(text)
        } catch {
            throw EventsError.invalid("The CSV could not be read: line \(error.line): \(error.reason).")
        }
        guard table.header.contains("name") else {
            throw EventsError.invalid(
                "The CSV needs a header row with at least 'name' (and 'email', 'organization', 'country').")
        }
        return try write { write in
            var report = ImportReport()
            var problems = table.problems.map { "Line \($0.line): \($0.reason)" }
            var seen: [String: Int] = [:]
            for record in table.records {
                do {
                    let person = try PersonRow(record, in: write.db)
                    if let earlier = seen[person.id] {
                        report.skipped.append("Line \(record.line): the same person as line \(earlier)")
                        continue
                    }
                    seen[person.id] = record.line
                    let before = try Row.fetchOne(
                        write.db, sql: "SELECT name, email, organization_id, country FROM people WHERE id = ?",
                        arguments: [person.id])
                    try upsert(&write, table: EventsTable.people.name, id: person.id, values: person.values)
                    switch before {
                    case nil: report.created += 1
                    case let stored? where person.differs(from: stored): report.updated += 1
                    default: report.unchanged += 1
                    }
                } catch {
                    problems.append("Line \(record.line): \(error)")
                }
            }
            if !problems.isEmpty, !skipInvalid {
                throw EventsError.invalid(
                    "Nothing was imported: \(problems.count) invalid row(s) (\(problems.prefix(5).joined(separator: "; "))\(problems.count > 5 ? "; ..." : "")); fix them or pass --skip-invalid."
                )
            }
            report.skipped += problems
            return report
        }
    }

    public func people() throws -> [Person] {
        try replica.read { db in try Person.fetchAll(db, sql: "SELECT * FROM people ORDER BY name, id") }
    }

    public func organizations() throws -> [Organization] {
        try replica.read { db in try Organization.fetchAll(db, sql: "SELECT * FROM organizations ORDER BY name") }
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
                &write, table: EventsTable.sessionRoles.name, id: id,
                values: [
                    "session_id": .text(session.id), "person_id": .text(person.id), "role": .text(role.rawValue),
                    "position": .integer(Int64(position ?? next)),
                ])
            return id
        }
    }

    public func removeRole(sessionID: String, person reference: String, role: String) throws {
        let role = try SessionRoleKind.parse(role, field: "role")
        try write { write in
            let person = try Self.person(reference, in: write.db)
            let id = RowID.role(session: sessionID, person: person.id, role: role)
            guard try write.exists(in: EventsTable.sessionRoles.name, id: id) else {
                throw EventsError.notFound(kind: "\(role.rawValue) role of \(person.name) in session", key: sessionID)
            }
            try write.delete(from: EventsTable.sessionRoles.name, id: id)
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

    /// Invites a person to an event or one of its sessions; inviting twice, even from two laptops offline, is
    /// one invitation.
    @discardableResult
    public func invite(eventSlug: String, sessionID: String? = nil, person reference: String, invitedBy: String? = nil)
        throws -> String
    {
        try write { write in
            let event = try visibleEvent(eventSlug, in: write.db)
            if let sessionID {
                let session = try Self.session(id: sessionID, in: write.db)
                guard session.eventID == event.id else {
                    throw EventsError.invalid("Session \(sessionID) belongs to another event than '\(eventSlug)'.")
                }
            }
            let person = try Self.person(reference, in: write.db)
            let id = RowID.invitation(event: event.id, session: sessionID, person: person.id)
            if refusesExisting, try write.exists(in: EventsTable.invitations.name, id: id) {
                try write.authorize(EventsTable.invitations.name, id: id, columns: ["invited_by"])
                throw EventsError.duplicate(kind: "invitation", key: id)
            }
            return try Self.invite(
                &write, eventID: event.id, sessionID: sessionID, personID: person.id, invitedBy: invitedBy)
        }
    }

    /// Revokes a person's invitation to an event (or one of its sessions); the daemon re-decides their seats.
    public func uninvite(eventSlug: String, sessionID: String? = nil, person reference: String) throws {
        let id = try replica.read { db in
            let event = try visibleEvent(eventSlug, in: db)
            return RowID.invitation(event: event.id, session: sessionID, person: try Self.person(reference, in: db).id)
        }
        try deleteInvitation(id: id)
    }

    static func invite(
        _ write: inout LocalWrite, eventID: String, sessionID: String?, personID: String, invitedBy: String?
    ) throws -> String {
        let id = RowID.invitation(event: eventID, session: sessionID, person: personID)
        if try !write.exists(in: EventsTable.invitations.name, id: id) {
            try write.insert(
                into: EventsTable.invitations.name, id: id,
                values: [
                    "event_id": .text(eventID), "session_id": sessionID.map(SyncValue.text) ?? .null,
                    "person_id": .text(personID), "invited_by": invitedBy.map(SyncValue.text) ?? .null,
                ])
        }
        return id
    }

    private func addPerson(
        _ write: inout LocalWrite, name: String, email: String?, organization: String?, country: String?
    ) throws -> String {
        let person = try PersonRow(name: name, email: email, organization: organization, country: country, in: write.db)
        try upsert(&write, table: EventsTable.people.name, id: person.id, values: person.values)
        return person.id
    }

    /// A person by id or email.
    static func person(_ reference: String, in db: Database) throws -> Person {
        guard
            let person = try Person.fetchOne(
                db, sql: "SELECT * FROM people WHERE id = ? OR email = ? COLLATE NOCASE ORDER BY id LIMIT 1",
                arguments: [reference, EmailAddress.canonical(reference)])
        else { throw EventsError.notFound(kind: "person", key: reference) }
        return person
    }
}
