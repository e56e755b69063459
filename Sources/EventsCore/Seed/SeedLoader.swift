import Foundation
import GRDB

/// Loads the demo data in `seed/`: JSON files of organizations, people and events with their segments, rooms,
/// sessions (with co-chairs and speakers), invitations and declarations. Ids derive from names, slugs and
/// keys, and rows that exist, existed or were loaded before are left alone, so loading twice changes nothing and
/// a deletion made after loading stays deleted, even once its tombstone is collected.
public struct SeedLoader {
    public let store: EventsStore
    private let loaded = LoadedRows()

    public init(store: EventsStore) {
        self.store = store
    }

    /// The rows the seed loaded or found, as `seed_loaded` holds them, and those this load adds.
    private final class LoadedRows {
        var keys: Set<[String]> = []
        var added: [[String]] = []
    }

    /// Loads every `*.json` file of `directory` in name order; returns how many sessions were added.
    @discardableResult
    public func load(directory: URL) throws -> Int {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        loaded.keys = try store.replica.writeLocalTables { db in
            try db.execute(
                sql:
                    "CREATE TABLE IF NOT EXISTS seed_loaded (tbl TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (tbl, row_id)) WITHOUT ROWID"
            )
            return Set(
                try Row.fetchAll(db, sql: "SELECT tbl, row_id FROM seed_loaded").map { [$0["tbl"], $0["row_id"]] })
        }
        // Also when a file stops the load; should this write fail, the next load asks the replica again.
        defer { try? rememberAdded() }
        var added = 0
        for file in files {
            do {
                let seed = try JSONDecoder().decode(SeedFile.self, from: Data(contentsOf: file))
                added += try load(seed, from: directory)
            } catch let error as EventsError {
                throw EventsError.invalidSeed(file: file.lastPathComponent, reason: error.description)
            } catch {
                throw EventsError.invalidSeed(file: file.lastPathComponent, reason: String(describing: error))
            }
        }
        return added
    }

    /// Whether the seed loaded the row before (remembered in `seed_loaded`, a table of the loader's own that
    /// tombstone collection never touches) or the row exists or existed; either way it is left alone, so a
    /// deleted seeded row stays deleted after its tombstone is forgotten.
    private func known(_ table: String, _ id: String) throws -> Bool {
        try seenBefore([table, id]) || store.replica.isKnown(table: table, id: id)
    }

    /// Whether this key was loaded or found before; if not, it is remembered now.
    private func seenBefore(_ key: [String]) -> Bool {
        guard loaded.keys.insert(key).inserted else { return true }
        loaded.added.append(key)
        return false
    }

    /// Records, in one transaction, the rows this load loaded or found (also when it stopped on an error: what
    /// it loaded so far stays remembered).
    private func rememberAdded() throws {
        guard !loaded.added.isEmpty else { return }
        try store.replica.writeLocalTables { db in
            let statement = try db.makeStatement(sql: "INSERT OR IGNORE INTO seed_loaded (tbl, row_id) VALUES (?, ?)")
            for key in loaded.added { try statement.execute(arguments: StatementArguments(key)) }
        }
        loaded.added = []
    }

    private func load(_ seed: SeedFile, from directory: URL) throws -> Int {
        for organization in seed.organizations ?? []
        where try !known(EventsTable.organizations.name, RowID.organization(name: organization.name)) {
            try store.addOrganization(
                name: organization.name, kind: organization.kind, country: organization.country,
                developmentStatus: organization.developmentStatus)
        }
        for person in seed.people ?? [] where try !known(EventsTable.people.name, RowID.person(email: person.email)) {
            try store.addPerson(
                name: person.name, email: person.email, organization: person.organization, country: person.country)
        }
        var added = 0
        for entry in seed.events ?? [] { added += try load(entry) }
        for body in seed.bodies ?? [] { try load(body) }
        for declaration in seed.declarations ?? [] { try load(declaration, from: directory) }
        return added
    }

    /// A declaration without an event, with the signatories its CSV lists (approved: they are of the record).
    private func load(_ declaration: SeedFile.SeedDeclaration, from directory: URL) throws {
        let id = RowID.declaration(event: nil, key: declaration.key)
        if try !known(EventsTable.declarations.name, id) {
            try store.addDeclaration(
                eventSlug: nil, title: declaration.title, text: declaration.text, key: declaration.key,
                published: declaration.published ?? false, publicSigning: declaration.publicSigning ?? false)
        }
        guard let file = declaration.signatories else { return }
        let table = try CSVTable(String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8))
        if let problem = table.problems.first {
            throw EventsError.unreadableCSV(line: problem.line, reason: problem.reason)
        }
        for record in table.records {
            let name = record["name"] ?? ""
            let affiliation = record["affiliation"] ?? ""
            let person = RowID.signatory(name: name, affiliation: affiliation)
            guard try !known(EventsTable.signatures.name, RowID.signature(declaration: id, person: person)) else {
                continue
            }
            try store.recordSignatory(
                declaration: id, name: name, affiliation: affiliation,
                list: record["list"] == "public" ? .public : .named, reserves: record["mark"] == "*")
        }
    }

    private func load(_ body: SeedFile.SeedBody) throws {
        let id = RowID.body(series: body.series, name: body.name)
        if try !known(EventsTable.bodies.name, id) {
            try store.addBody(name: body.name, series: body.series, kind: body.kind)
        }
        for member in body.members ?? [] {
            let term = RowID.bodyMember(
                body: id, organization: RowID.organization(name: member.organization), from: member.from)
            guard try !known(EventsTable.bodyMembers.name, term) else { continue }
            try store.addBodyMember(
                body: id, organization: member.organization, from: member.from, to: member.to)
        }
    }

    /// Whether the seed set this field of a row before: a field added to a seeded row later (an event's host) is
    /// set once, so a change made since stays.
    private func knownField(_ table: EventsTable, _ column: EventsColumn, of id: String) -> Bool {
        seenBefore(["\(table.name).\(column.name)", id])
    }

    private func load(_ entry: SeedFile.SeedEvent) throws -> Int {
        let slug = entry.event.slug
        let eventID = RowID.event(slug: slug)
        if try !known(EventsTable.events.name, eventID) { try store.declareEvent(entry.event) }
        // A seeded event deleted since is left deleted, with everything of it.
        guard
            try store.replica.read({ db in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM events WHERE id = ?)", arguments: [eventID])
            }) == true
        else { return 0 }
        if entry.host != nil || entry.nextHost != nil, !knownField(.events, .hostID, of: eventID) {
            try store.setHost(eventSlug: slug, host: entry.host, nextHost: entry.nextHost)
        }
        for segment in entry.segments ?? []
        where try !known(EventsTable.segments.name, RowID.segment(event: eventID, name: segment.name)) {
            try store.addSegment(
                eventSlug: slug, name: segment.name, startsOn: segment.startsOn, endsOn: segment.endsOn)
        }
        for room in entry.rooms ?? []
        where try !known(EventsTable.rooms.name, RowID.room(event: eventID, name: room.name)) {
            try store.addRoom(eventSlug: slug, name: room.name, capacity: room.capacity)
        }
        var added = 0
        for session in entry.sessions {
            let id = RowID.session(eventSlug: slug, key: session.key)
            if try !known(EventsTable.sessions.name, id) {
                _ = try store.addSession(eventSlug: slug, session.fields, id: id)
                added += 1
            }
            for (index, chair) in (session.people ?? []).enumerated() {
                let personID = RowID.person(email: chair.person)
                let role = RowID.role(
                    session: id, person: personID, role: try SessionRoleKind.parse(chair.role, field: "role"))
                guard try !known(EventsTable.sessionRoles.name, role) else { continue }
                try store.addRole(sessionID: id, person: chair.person, role: chair.role, position: index + 1)
            }
        }
        for invitee in entry.invitations ?? [] {
            let personID = RowID.person(email: invitee)
            guard
                try !known(
                    EventsTable.invitations.name, RowID.invitation(event: eventID, session: nil, person: personID))
            else { continue }
            try store.invite(eventSlug: slug, person: invitee)
        }
        for declaration in entry.declarations ?? []
        where try !known(EventsTable.declarations.name, RowID.declaration(event: eventID, key: declaration.key)) {
            try store.addDeclaration(
                eventSlug: slug, title: declaration.title, text: declaration.text, key: declaration.key)
        }
        return added
    }
}
