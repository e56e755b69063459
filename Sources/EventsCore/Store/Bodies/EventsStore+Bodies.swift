import GRDB
import Sync

extension EventsStore {
    /// Adds a body to a series (its kind read from the name when not given: "Steering Group"); returns its id.
    @discardableResult
    public func addBody(name: String, series: String, kind: String? = nil) throws -> String {
        let name = try Self.required(name, "body name")
        let series = try Self.required(series, "series", fitting: EventsSchema.seriesName)
        let kind = try kind.map { try BodyKind.parse($0, field: "kind") } ?? BodyKind(named: name)
        return try write { write in
            let id = RowID.body(series: series, name: name)
            try upsert(
                &write, table: .bodies, id: id,
                values: [.series: .text(series), .name: .text(name), .kind: .text(kind.rawValue)])
            return id
        }
    }

    public func bodies(series: String? = nil) throws -> [Body] {
        try replica.read { db in
            try Body.fetchAll(
                db, sql: "SELECT * FROM bodies WHERE ? IS NULL OR series = ? COLLATE NOCASE ORDER BY series, name",
                arguments: [series, series])
        }
    }

    public func body(named name: String, series: String? = nil) throws -> Body {
        try replica.read { db in try Self.body(named: name, series: series, in: db) }
    }

    /// Gives an organization a term on a body, from and to a date where known; returns the term's id.
    @discardableResult
    public func addBodyMember(
        body name: String, series: String? = nil, organization: String, from: String? = nil, to: String? = nil
    ) throws -> String {
        let term = try Self.term(from: from, to: to)
        return try write { write in
            let body = try Self.body(named: name, series: series, in: write.db)
            let organization = try Self.organizationID(organization, in: write.db)
            let id = RowID.bodyMember(body: body.id, organization: organization, from: term.from)
            try upsert(
                &write, table: .bodyMembers, id: id,
                values: [
                    .bodyID: .text(body.id), .organizationID: .text(organization),
                    .startsOn: term.from.map(SyncValue.text) ?? .null, .endsOn: term.to.map(SyncValue.text) ?? .null,
                ])
            return id
        }
    }

    /// Ends an organization's membership of a body: the term that began on `from`, or all its terms.
    public func removeBodyMember(body name: String, series: String? = nil, organization: String, from: String? = nil)
        throws
    {
        try write { write in
            let body = try Self.body(named: name, series: series, in: write.db)
            let organizationID = try Self.organizationID(organization, in: write.db)
            let terms = try String.fetchAll(
                write.db,
                sql: """
                    SELECT id FROM body_members WHERE body_id = ? AND organization_id = ?
                    AND (? IS NULL OR starts_on = ?)
                    """,
                arguments: [body.id, organizationID, from, from])
            guard !terms.isEmpty else { throw EventsError.notFound(kind: "member of \(name)", key: organization) }
            for term in terms { try write.delete(from: .bodyMembers, id: term) }
        }
    }

    public func bodyMembers(bodyID: String) throws -> [BodyMember] {
        try replica.read { db in
            try BodyMember.fetchAll(
                db,
                sql: """
                    SELECT m.* FROM body_members m LEFT JOIN organizations o ON o.id = m.organization_id
                    WHERE m.body_id = ? ORDER BY coalesce(m.starts_on, ''), o.name
                    """,
                arguments: [bodyID])
        }
    }

    static func body(named name: String, series: String?, in db: Database) throws -> Body {
        let found = try Body.fetchAll(
            db,
            sql: """
                SELECT * FROM bodies WHERE (name = ? COLLATE NOCASE OR id = ?) AND (? IS NULL OR series = ? COLLATE NOCASE)
                ORDER BY series
                """,
            arguments: [name, name, series, series])
        guard let body = found.first else { throw EventsError.notFound(kind: "body", key: name) }
        guard found.count == 1 else {
            throw EventsError.ambiguousBody(name: name, series: found.map(\.series))
        }
        return body
    }

    private static func term(from: String?, to: String?) throws -> (from: String?, to: String?) {
        let from = try from.flatMap { $0.isEmpty ? nil : try Self.date($0) }
        let to = try to.flatMap { $0.isEmpty ? nil : try Self.date($0) }
        if let from, let to, to < from { throw EventsError.datesReversed(startsOn: from, endsOn: to) }
        return (from, to)
    }
}

extension BodyKind {
    /// The kind a body's name says ("GFMD Steering Group"), `other` when it says none.
    init(named name: String) {
        let words = name.lowercased().replacingOccurrences(of: "-", with: " ")
        self =
            Self.allCases.first { kind in
                kind != .other && words.contains(kind.rawValue.replacingOccurrences(of: "-", with: " "))
            } ?? .other
    }
}
