import GRDB

/// The edits of one local transaction. Reads through `db` see the edits made so far.
public struct LocalWrite {
    var context: MergeContext
    /// The transaction's wall clock (Unix milliseconds), the one its merge context stamps with.
    public var now: Int64 { context.now }
    /// The rows this write touched with their state before it, judged together when an account's write ends.
    private(set) var touched = TouchedRows()
    /// The judge of the account this write is made for, when the daemon makes it for one.
    var judge: (any RowJudge)?

    init(context: MergeContext) {
        self.context = context
    }

    public var db: Database { context.db }

    /// Creates a row, or re-creates a deleted one as a new incarnation.
    public mutating func insert(into table: String, id: String, values: [String: SyncValue]) throws {
        let values = try admitted(values, in: table)
        let current = try context.causalLength(table: table, row: id)
        guard current % 2 == 0 else {
            try authorize(table, id: id, columns: Set(values.keys))
            throw SyncError.rowExists(table: table, id: id)
        }
        let stamp = context.localStamp(causalLength: current + 1, now: now)
        try apply(Change(table: table, rowID: id, column: nil, value: .null, stamp: stamp))
        try write(values, to: table, id: id, stamp: stamp)
    }

    /// Changes fields of a live row; fields whose value is unchanged keep their stamps, but still count as set
    /// by this write when it is judged, so a no-op is refused to whoever may not make it.
    public mutating func update(_ table: String, id: String, values: [String: SyncValue]) throws {
        let values = try admitted(values, in: table)
        let current = try context.causalLength(table: table, row: id)
        guard current % 2 == 1 else { throw SyncError.rowNotFound(table: table, id: id) }
        let key = RowKey(table: table, id: id)
        try touched.willChange(key, in: context)
        for column in values.keys { touched.didSet(key, column: column) }
        let existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) WHERE id = ?"), arguments: [id])
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
        try apply(Change(table: table, rowID: id, column: nil, value: .null, stamp: stamp))
    }

    public func exists(in table: String, id: String) throws -> Bool {
        try context.storedCausalLength(table: table, row: id) % 2 == 1
    }

    /// Asks whether this write's account may set `columns` of an existing row, without setting them: a refusal
    /// (`SyncError.forbidden`) must come before any answer that tells whether the row exists ("already exists").
    /// With `proposed`, asks about creating the row with those values instead (a row whose link does not exist,
    /// so that "not found" is answered only to whoever may make the write).
    public func authorize(_ table: String, id: String, columns: Set<String>, proposed: [String: SyncValue]? = nil)
        throws
    {
        guard let judge else { return }
        let state = try RowState.read(context.table(table), id: id, in: db)
        let after = proposed.map { RowState(causalLength: 1, values: $0) } ?? state
        let change = RowChange(
            key: RowKey(table: table, id: id), before: proposed == nil ? state : nil, after: after, columns: columns)
        let facts = Facts(db: db, schema: context.schema, unjudged: UnjudgedRows(rows: [:]))
        if let reason = try judge.refusal(of: change, facts: facts) { throw SyncError.forbidden(reason) }
    }

    /// Judges every row this write touched on its result, as a pushed batch's rows are; the first refusal
    /// throws `SyncError.forbidden`, so the whole write is rolled back.
    mutating func judgeTouchedRows(with judge: any RowJudge) throws {
        try touched.judge(with: judge, in: db, schema: context.schema) { _, reason in
            if let reason { throw SyncError.forbidden(reason) }
        }
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
            try apply(Change(table: table, rowID: id, column: column.name, value: value, stamp: stamp))
        }
    }

    private mutating func apply(_ change: Change) throws {
        let key = RowKey(table: change.table, id: change.rowID)
        try touched.willChange(key, in: context)
        try context.apply(change)
        touched.didSet(key, column: change.column)
    }
}
