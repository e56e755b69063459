import GRDB
import Sync

extension EventsStore {
    public func person(id: String) throws -> Person {
        try replica.read { db in try Self.person(id, in: db) }
    }

    public func editOrganization(id: String, name: String?, kind: String?, country: String?, developmentStatus: String?)
        throws
    {
        try write { write in
            guard
                let current = try Organization.fetchOne(
                    write.db, sql: "SELECT * FROM organizations WHERE id = ?", arguments: [id])
            else {
                throw EventsError.notFound(kind: "organization", key: id)
            }
            let kind = try OrganizationKind.parse(kind ?? current.kind.rawValue, field: "organization kind")
            let status = try (developmentStatus ?? current.developmentStatus?.rawValue).flatMap {
                $0.isEmpty ? nil : try DevelopmentStatus.parse($0, field: "development status")
            }
            if status != nil, kind != .government {
                throw EventsError.notAGovernment(organization: current.name, kind: kind)
            }
            var values: [EventsColumn: SyncValue] = [
                .kind: .text(kind.rawValue), .developmentStatus: status.map { .text($0.rawValue) } ?? .null,
            ]
            if let name { values[.name] = .text(try Self.required(name, "organization name")) }
            if let country { values[.country] = try Self.optionalText(country, "country") }
            try write.update(.organizations, id: id, values: values)
        }
    }

    /// Changes a person's name, organization (by id or name) or country; the email identifies them and stays.
    public func editPerson(id: String, name: String?, organization: String?, country: String?) throws {
        try write { write in
            try Self.requireRow(.people, id: id, in: write)
            var values: [EventsColumn: SyncValue] = [:]
            if let name { values[.name] = .text(try Self.required(name, "person's name")) }
            if let organization {
                values[.organizationID] =
                    organization.isEmpty ? .null : .text(try Self.organizationID(organization, in: write.db))
            }
            if let country { values[.country] = try Self.optionalText(country, "country") }
            try write.update(.people, id: id, values: values)
        }
    }

    /// Adds an organization, or updates the one of that name.
    @discardableResult
    public func addOrganization(name: String, kind: String, country: String? = nil, developmentStatus: String? = nil)
        throws -> String
    {
        let name = try Self.required(name, "organization name")
        let kind = try OrganizationKind.parse(kind, field: "organization kind")
        let status = try developmentStatus.map { try DevelopmentStatus.parse($0, field: "development status") }
        if status != nil, kind != .government {
            throw EventsError.notAGovernment(organization: name, kind: kind)
        }
        let id = RowID.organization(name: name)
        try write { write in
            try upsert(
                &write, table: .organizations, id: id,
                values: [
                    .name: .text(name), .kind: .text(kind.rawValue), .country: country.map(SyncValue.text) ?? .null,
                    .developmentStatus: status.map { .text($0.rawValue) } ?? .null,
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
            throw EventsError.unreadableCSV(line: error.line, reason: error.reason)
        }
        guard table.header.contains("name") else {
            throw EventsError.csvWithoutNames
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
                    try upsert(&write, table: .people, id: person.id, values: person.values)
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
                throw EventsError.invalidRows(problems)
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

    /// An organization by name or id.
    public func organization(_ reference: String) throws -> Organization {
        try replica.read { db in
            let id = try Self.organizationID(reference, in: db)
            guard
                let organization = try Organization.fetchOne(
                    db, sql: "SELECT * FROM organizations WHERE id = ?", arguments: [id])
            else {
                throw EventsError.notFound(kind: "organization", key: reference)
            }
            return organization
        }
    }

    private func addPerson(
        _ write: inout LocalWrite, name: String, email: String?, organization: String?, country: String?
    ) throws -> String {
        let person = try PersonRow(name: name, email: email, organization: organization, country: country, in: write.db)
        try upsert(&write, table: .people, id: person.id, values: person.values)
        return person.id
    }

    public func deleteOrganization(id: String) throws { try delete(.organizations, id: id) }

    public func deletePerson(id: String) throws { try delete(.people, id: id) }
}
