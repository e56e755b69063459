import Foundation
import GRDB
import Sync

extension EventsStore {
    /// A page of the resource's rows that `reader` (an account id) may see, fields it may not read left empty.
    public func list<R: Resource>(_ resource: R.Type, _ query: ResourceQuery, reader: String) throws -> ResourcePage<
        R.Model
    > {
        let limit = min(max(query.limit, 1), ResourceQuery.maxLimit)
        let since = query.updatedSince.map { HybridTimestamp(earliestAt: $0).rawValue }
        return try replica.read { db in
            var access = try ReadAccess(principal: reader, in: db)
            let event = try query.event.map { try Self.visibleEventID($0, access: &access, in: db) }
            let (items, next) = try Self.visiblePage(
                R.self, query, event: event, since: since, limit: limit, access: &access, in: db)
            let deleted = try since.map {
                try Self.deletions(of: R.table, since: $0, after: query.after ?? "", through: next, in: db).filter {
                    try access.sees(table: R.table, row: $0, column: nil, isDeletion: true)
                }
            }
            return ResourcePage(items: items, nextCursor: next, deletedIDs: deleted)
        }
    }

    /// One row, if it exists and `reader` may see it.
    public func get<R: Resource>(_ resource: R.Type, id: String, reader: String) throws -> Listed<R.Model> {
        try replica.read { db in
            var access = try ReadAccess(principal: reader, in: db)
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: "\(Self.selection(R.table)) WHERE t.id = :row"),
                arguments: ["row": id, "table": R.table])
            guard let row = try rows.next(), let listed = try Self.listed(R.self, row, access: &access) else {
                throw EventsError.notFound(kind: R.table.singularNoun, key: id)
            }
            return listed
        }
    }

    /// Up to `limit` rows the reader may see, filtered before paging: the cursor is the last *visible* row, so
    /// walking pages never reveals the id of a hidden one.
    private static func visiblePage<R: Resource>(
        _ resource: R.Type, _ query: ResourceQuery, event: String?, since: Int64?, limit: Int, access: inout ReadAccess,
        in db: Database
    ) throws -> (items: [Listed<R.Model>], next: String?) {
        var items: [Listed<R.Model>] = []
        var scan = query
        while items.count < limit {
            let rows = try Self.rows(R.self, scan, event: event, since: since, limit: limit, in: db)
            var scanned: (count: Int, last: String?) = (0, nil)
            while let row = try rows.next() {
                scanned = (scanned.count + 1, row[EventsColumn.id])
                guard let item = try Self.listed(R.self, row, access: &access) else { continue }
                items.append(item)
                if items.count == limit { return (items, scanned.last) }
            }
            guard scanned.count == limit, let last = scanned.last else { break }
            scan.after = last
        }
        return (items, nil)
    }

    /// The query's rows in id order, hidden ones included; `event` is an id, `since` a clock reading. Read from
    /// the cursor, each row's columns are found by the statement's index of names, not by a search of the row.
    private static func rows<R: Resource>(
        _ resource: R.Type, _ query: ResourceQuery, event: String?, since: Int64?, limit: Int, in db: Database
    ) throws -> RowCursor {
        var conditions = ["t.id > :after"]
        var arguments: [String: (any DatabaseValueConvertible)?] = [
            "after": query.after ?? "", "table": R.table, "limit": limit,
        ]
        if let event {
            conditions.append("(\(R.eventCondition))")
            arguments["event"] = event
        }
        if let since {
            conditions.append("updated_hlc >= :since")
            arguments["since"] = since
        }
        let sql = "\(selection(R.table)) WHERE \(conditions.joined(separator: " AND ")) ORDER BY t.id LIMIT :limit"
        return try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
    }

    /// The rows of `table` deleted at or after `since` (a clock reading) with ids after `after`, up to `end`,
    /// whoever may learn of them.
    private static func deletions(
        of table: String, since: Int64, after: String, through end: String?, in db: Database
    ) throws -> [String] {
        try String.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT row_id FROM crdt_clock WHERE tbl = :table AND col = '' AND cl % 2 = 0 AND hlc >= :since AND row_id > :after
                    AND (:end IS NULL OR row_id <= :end) ORDER BY row_id
                    """),
            arguments: ["table": table, "since": since, "after": after, "end": end])
    }

    private static func selection(_ table: String) -> String {
        "SELECT t.*, (SELECT max(hlc) FROM crdt_clock c WHERE c.tbl = :table AND c.row_id = t.id) AS updated_hlc FROM \(table) t"
    }

    /// The row as `access` lets its reader see it: `nil` if hidden, unreadable fields emptied.
    private static func listed<R: Resource>(_ resource: R.Type, _ row: Row, access: inout ReadAccess) throws -> Listed<
        R.Model
    >? {
        let id: String = row[EventsColumn.id]
        guard try access.sees(table: R.table, row: id, column: nil) else { return nil }
        var hidden: Set<String> = []
        for column in row.columnNames where column != EventsColumn.id.name && column != "updated_hlc" {
            if try !access.sees(table: R.table, row: id, column: column) { hidden.insert(column) }
        }
        let updated = (row["updated_hlc"] as Int64?).map {
            Date(timeIntervalSince1970: Double(HybridTimestamp(rawValue: $0).milliseconds) / 1000)
        }
        var model = try R.Model(row: hidden.isEmpty ? row : Self.emptying(hidden, of: row))
        try R.annotate(&model, in: access.db)
        return Listed(model: model, updatedAt: updated)
    }

    /// The row with the `hidden` fields read as NULL.
    private static func emptying(_ hidden: Set<String>, of row: Row) -> Row {
        var visible: [String: (any DatabaseValueConvertible)?] = [:]
        for (column, value) in row { visible[column] = hidden.contains(column) ? .null : value }
        return Row(visible)
    }

    /// The id of the event named by slug or id, if the reader may see it: a hidden event is not found, like one
    /// that does not exist.
    private static func visibleEventID(_ reference: String, access: inout ReadAccess, in db: Database) throws -> String
    {
        let event = try Self.event(slug: reference, in: db)
        guard try access.sees(table: EventsTable.events.name, row: event.id, column: nil) else {
            throw EventsError.eventNotFound(reference)
        }
        return event.id
    }
}

extension String {
    /// A table's rows as a person names one of them: "session_roles" -> "session role", "people" -> "person".
    var singularNoun: String { EventsTable(rawValue: self)?.singularNoun ?? self }
}
