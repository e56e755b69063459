import Crypto
import Foundation
import GRDB

extension Replica {
    /// A page of changes in sequence order.
    struct ChangePage: Sendable {
        var changes: [Change]
        /// The sequence of the last record read, to pass as `after` for the next page.
        var lastSeq: Int64
        var hasMore: Bool
    }

    /// Changes recorded after sequence `after` (and up to `last`), at most `limit`; `authoredBy` keeps only one
    /// replica's stamps (a laptop's own queue).
    func changes(
        in db: Database, after: Int64, through last: Int64? = nil, limit: Int, authoredBy author: ReplicaID? = nil
    ) throws -> ChangePage {
        let sql = """
            SELECT tbl, row_id, col, cl, hlc, replica, seq FROM crdt_clock
            WHERE seq > ? \(last == nil ? "" : "AND seq <= ?") \(author == nil ? "" : "AND replica = ?")
            ORDER BY seq LIMIT ?
            """
        var arguments: StatementArguments = [after]
        if let last { _ = arguments.append(contentsOf: [last]) }
        if let author { _ = arguments.append(contentsOf: [author.bytes]) }
        _ = arguments.append(contentsOf: [limit + 1])
        var rows = try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
        let hasMore = rows.count > limit
        if hasMore { rows.removeLast() }
        var values = RowValueCache(db: db)
        var changes: [Change] = []
        changes.reserveCapacity(rows.count)
        for row in rows {
            let table: String = row[0]
            let rowID: String = row[1]
            let column: String = row[2]
            let stamp = Stamp(
                causalLength: row[3], time: HybridTimestamp(rawValue: row[4]), replica: ReplicaID(bytes: row[5])!)
            let value = column.isEmpty ? SyncValue.null : try values.value(table: table, row: rowID, column: column)
            changes.append(
                Change(table: table, rowID: rowID, column: column.isEmpty ? nil : column, value: value, stamp: stamp))
        }
        return ChangePage(changes: changes, lastSeq: rows.last?[6] ?? after, hasMore: hasMore)
    }

    /// Every live row of a table as column → value, ordered by id: what the convergence checks compare.
    public func rows(of table: String) throws -> [[String: SyncValue]] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY id").map { row in
                Dictionary(uniqueKeysWithValues: row.columnNames.map { ($0, SyncValue.fromDatabaseValue(row[$0])!) })
            }
        }
    }
}

/// Reads the values of consecutive changes to one row with a single query.
private struct RowValueCache {
    let db: Database
    var key: (table: String, row: String)?
    var current: Row?

    init(db: Database) {
        self.db = db
    }

    mutating func value(table: String, row: String, column: String) throws -> SyncValue {
        if key?.table != table || key?.row != row {
            key = (table, row)
            current = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) WHERE id = ?"),
                arguments: [row])
        }
        guard let current, current.hasColumn(column) else { return .null }
        return SyncValue.fromDatabaseValue(current[column]) ?? .null
    }
}

extension Replica {
    /// A SHA-256 over every replicated row and every value's stamp, in a canonical order: two replicas that
    /// converged have the same digest.
    public func contentDigest() throws -> String {
        try read { db in
            var hasher = SHA256()
            for table in schema.tables {
                let columns = table.columns.map(\.name.quotedDatabaseIdentifier).joined(separator: ", ")
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT id, \(columns) FROM \(table.name.quotedDatabaseIdentifier) ORDER BY id")
                while let row = try rows.next() {
                    hasher.update(
                        data: Data(
                            "\(table.name)|\(row.databaseValues.map(\.description).joined(separator: "|"))\n".utf8))
                }
            }
            let stamps = try Row.fetchCursor(
                db, sql: "SELECT tbl, row_id, col, cl, hlc, hex(replica) FROM crdt_clock ORDER BY tbl, row_id, col")
            while let row = try stamps.next() {
                hasher.update(data: Data(row.databaseValues.map(\.description).joined(separator: "|").utf8))
            }
            return hasher.finalize().map { String(format: "%02x", $0) }.joined()
        }
    }
}
