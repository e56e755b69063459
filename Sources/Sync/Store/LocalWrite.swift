import GRDB

/// The edits of one local transaction. Reads through `db` see the edits made so far.
public struct LocalWrite {
    /// Whose write this is, when the daemon performs it for an account: every change is judged by the policy
    /// before it is applied, as a pushed change would be.
    struct Authority {
        let principal: String
        let policy: any SyncPolicy
    }

    var context: MergeContext
    let now: Int64
    var authority: Authority?
    private(set) var touched: [RowKey] = []
    private var touchedSet: Set<RowKey> = []
    private let memo = Memo()

    init(context: MergeContext, now: Int64, authority: Authority? = nil) {
        self.context = context
        self.now = now
        self.authority = authority
    }

    public var db: Database { context.db }

    /// Creates a row, or re-creates a deleted one as a new incarnation.
    public mutating func insert(into table: String, id: String, values: [String: SyncValue]) throws {
        let values = try admitted(values, in: table)
        let current = try context.causalLength(table: table, row: id)
        guard current % 2 == 0 else { throw SyncError.rowExists(table: table, id: id) }
        let stamp = context.localStamp(causalLength: current + 1, now: now)
        try apply(Change(table: table, rowID: id, column: nil, value: .null, stamp: stamp), proposals: values)
        try write(values, to: table, id: id, stamp: stamp)
    }

    /// Changes fields of a live row; fields whose value is unchanged keep their stamps. With an authority, even
    /// an unchanged field must be the account's to write, so a no-op is refused to whoever may not make it.
    public mutating func update(_ table: String, id: String, values: [String: SyncValue]) throws {
        let values = try admitted(values, in: table)
        let current = try context.causalLength(table: table, row: id)
        guard current % 2 == 1 else { throw SyncError.rowNotFound(table: table, id: id) }
        try authorize(values, of: table, id: id, causalLength: current)
        let existing = try Row.fetchOne(
            db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) WHERE id = ?", arguments: [id])
        let changed = values.filter { column, value in
            existing.map { SyncValue.fromDatabaseValue($0[column] as DatabaseValue) != value } ?? true
        }
        guard !changed.isEmpty else { return }
        try write(changed, to: table, id: id, stamp: context.localStamp(causalLength: current, now: now))
    }

    public mutating func delete(from table: String, id: String) throws {
        let current = try context.causalLength(table: table, row: id)
        guard current % 2 == 1 else { throw SyncError.rowNotFound(table: table, id: id) }
        let stamp = context.localStamp(causalLength: current + 1, now: now)
        try apply(Change(table: table, rowID: id, column: nil, value: .null, stamp: stamp), proposals: [:])
    }

    public func exists(in table: String, id: String) throws -> Bool {
        try context.storedCausalLength(table: table, row: id) % 2 == 1
    }

    /// The values as their columns' domains store them; a value that does not belong is refused.
    private func admitted(_ values: [String: SyncValue], in table: String) throws -> [String: SyncValue] {
        let declared = try context.table(table)
        return try values.reduce(into: [:]) { admitted, field in
            guard let column = declared.column(named: field.key) else {
                throw SyncError.unknownColumn(table: table, column: field.key)
            }
            do throws(ValueProblem) {
                admitted[field.key] = try column.domain.admit(field.value)
            } catch {
                throw SyncError.invalidValue(table: table, column: field.key, problem: error)
            }
        }
    }

    private mutating func write(_ values: [String: SyncValue], to table: String, id: String, stamp: Stamp) throws {
        let declared = try context.table(table)
        for column in declared.columns {
            guard let value = values[column.name] else { continue }
            try apply(Change(table: table, rowID: id, column: column.name, value: value, stamp: stamp), proposals: values)
        }
    }

    /// Judges every proposed field of an update, changed or not, when the write is an account's.
    private mutating func authorize(_ values: [String: SyncValue], of table: String, id: String, causalLength: Int64) throws {
        guard authority != nil else { return }
        let stamp = context.localStamp(causalLength: causalLength, now: now)
        for (column, value) in values.sorted(by: { $0.key < $1.key }) {
            try authorize(Change(table: table, rowID: id, column: column, value: value, stamp: stamp), proposals: values)
        }
    }

    private func authorize(_ change: Change, proposals: [String: SyncValue]) throws {
        guard let authority else { return }
        let batch = BatchContext(db: db, proposals: [RowKey(table: change.table, id: change.rowID): proposals], memo: memo)
        if let reason = try authority.policy.refusal(of: change, by: authority.principal, in: batch) {
            throw SyncError.forbidden(reason)
        }
    }

    private mutating func apply(_ change: Change, proposals: [String: SyncValue]) throws {
        try authorize(change, proposals: proposals)
        try context.apply(change)
        let key = RowKey(table: change.table, id: change.rowID)
        if touchedSet.insert(key).inserted { touched.append(key) }
    }
}
