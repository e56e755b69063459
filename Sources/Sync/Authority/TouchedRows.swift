import GRDB

/// The rows one write (a pushed batch, or an API write) touched, with their state before it, so that once the
/// write is merged every row is judged as a whole: before against after.
struct TouchedRows {
    private(set) var keys: [RowKey] = []
    private var before: [RowKey: RowState?] = [:]
    private var columns: [RowKey: Set<String>] = [:]

    var isEmpty: Bool { keys.isEmpty }

    /// Remembers the row's state before the write's first change to it; call before merging the change.
    mutating func willChange(_ key: RowKey, in context: MergeContext) throws {
        guard before.index(forKey: key) == nil else { return }
        before[key] = .some(try RowState.read(context.table(key.table), id: key.id, in: context.db))
        keys.append(key)
    }

    /// Records that the write set the field (`nil`: the row's existence).
    mutating func didSet(_ key: RowKey, column: String?) {
        guard let column else { return }
        columns[key, default: []].insert(column)
    }

    /// Judges every touched row in the schema's table order (an event before its sessions, a session before its
    /// roles, invitations and RSVPs), each against facts in which only rows already judged show their new state.
    /// `verdict` gets each row's change and, when refused, the reason.
    func judge(
        with judge: any RowJudge, in db: Database, schema: ReplicatedSchema,
        verdict: (RowChange, String?) throws -> Void
    ) throws {
        let order = Dictionary(uniqueKeysWithValues: schema.tables.enumerated().map { ($1.name, $0) })
        let unjudged = UnjudgedRows(rows: before)
        let facts = Facts(db: db, schema: schema, unjudged: unjudged)
        for key in keys.enumerated().sorted(by: {
            (order[$0.element.table] ?? 0, $0.offset) < (order[$1.element.table] ?? 0, $1.offset)
        }) {
            let row = key.element
            guard let table = schema.table(named: row.table) else { continue }
            let change = RowChange(
                key: row, before: before[row] ?? nil, after: try RowState.read(table, id: row.id, in: db),
                columns: columns[row] ?? [])
            guard change.before != change.after || !change.columns.isEmpty else {
                unjudged.rows.removeValue(forKey: row)
                continue
            }
            var reason: String?
            for part in change.parts where reason == nil {
                reason = try judge.refusal(of: part, facts: facts)
            }
            unjudged.rows.removeValue(forKey: row)
            try verdict(change, reason)
        }
    }
}

/// The touched rows not judged yet, shared by every `Facts` of one judgement as rows get judged.
final class UnjudgedRows {
    var rows: [RowKey: RowState?]

    init(rows: [RowKey: RowState?]) {
        self.rows = rows
    }
}
