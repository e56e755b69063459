import GRDB

/// Applies one pushed batch: checks and merges every change, then judges every row the batch touched on its
/// result and restores the rows refused, collecting the verdicts and the daemon's compensating writes.
/// Order: validate values, stage (remember each row before), merge, judge, compensate.
struct PushApplication {
    var context: MergeContext
    /// The daemon's wall clock for this push, the one its merge context stamps with.
    var now: Int64 { context.now }
    let skew: Int64
    /// Stamps older than this (milliseconds) are moved up to it.
    let maxAge: Int64
    let judge: any RowJudge
    private var verdicts: [Int: VerdictNote] = [:]
    private(set) var corrections: [Change] = []
    private var touched = TouchedRows()
    /// The changes of each row that won their merge, by index in the batch.
    private var won: [RowKey: [Int]] = [:]
    private var winners = 0
    private(set) var accepted: [RowKey] = []
    let createdRows: Set<RowKey>

    init(context: MergeContext, skew: Int64, maxAge: Int64, judge: any RowJudge, changes: [Change]) {
        self.context = context
        self.skew = skew
        self.maxAge = maxAge
        self.judge = judge
        createdRows = Set(changes.filter(\.isExistence).map { RowKey(table: $0.table, id: $0.rowID) })
    }

    /// Lets the policy write the daemon-owned follow-ups of the rows this batch changed and the judge accepted.
    mutating func runFollowUps(policy: any SyncPolicy, principal: String) throws {
        guard !accepted.isEmpty else { return }
        var writer = LocalWrite(context: context)
        try policy.didApply(rows: accepted, by: principal, writer: &writer)
        context = writer.context
    }

    func response(for batch: String) -> PushResponse {
        let notes = verdicts.keys.sorted().compactMap { verdicts[$0] }
        return PushResponse(batch: batch, accepted: winners, notes: notes, corrections: ChangeSet(corrections))
    }

    /// Checks and merges one change; its row is judged later, with the whole batch merged.
    mutating func apply(_ change: Change, index: Int, from sender: ReplicaID) throws {
        guard change.stamp.replica == sender else {
            return note(index, .rejected, "stamped by replica \(change.stamp.replica.hex), not the sender")
        }
        guard let table = context.schema.table(named: change.table),
            change.column.map({ table.column(named: $0) != nil }) ?? true
        else {
            return note(index, .rejected, "\(change.table).\(change.column ?? "id") is not in the daemon's schema")
        }
        var change = change
        var cleaned = false
        if let column = change.column, let declared = table.column(named: column) {
            do throws(ValueProblem) {
                let admitted = try declared.domain.admit(change.value)
                cleaned = admitted != change.value
                change.value = admitted
            } catch {
                note(
                    index, .rejected,
                    SyncError.invalidValue(table: table.name, column: column, problem: error).description)
                return try compensate(change)
            }
        }
        if change.column != nil, try !knows(change) {
            return note(
                index, .rejected,
                "\(change.table) \(change.rowID) no longer exists here (deleted long ago); it stays deleted")
        }
        let key = RowKey(table: change.table, id: change.rowID)
        try touched.willChange(key, in: context)
        let aheadBy = change.stamp.time.milliseconds - now
        if aheadBy > skew {
            change.stamp = context.localStamp(causalLength: change.stamp.causalLength, now: now)
            try context.apply(change)
            didWin(change, key: key, index: index)
            note(
                index, .restamped,
                "the laptop's clock is \(aheadBy / 1000) s ahead of the daemon's; its stamp was replaced")
            return corrections.append(try current(of: change))
        }
        let behindBy = now - change.stamp.time.milliseconds
        if behindBy > maxAge {
            change.stamp.time = HybridTimestamp(milliseconds: now - maxAge, counter: change.stamp.time.counter)
        }
        context.clock.receive(change.stamp.time)
        guard try context.apply(change) else { return note(index, .superseded, nil) }
        didWin(change, key: key, index: index)
        if behindBy > maxAge, !cleaned {
            note(
                index, .restamped,
                "the laptop's clock is \(behindBy / 86_400_000) days behind the daemon's; its stamp was moved up to the horizon"
            )
            return corrections.append(change)
        }
        guard cleaned else {
            winners += 1
            return
        }
        // The laptop holds the text as typed under this stamp: the cleaned value needs a newer one to reach it.
        change.stamp = context.localStamp(causalLength: change.stamp.causalLength, now: now)
        try context.apply(change)
        note(index, .restamped, "its text was cleaned of control characters and surrounding spaces")
        corrections.append(change)
    }

    /// Judges every row the batch changed, as it is now against as it was; a refused row is put back as it was
    /// and every change of the batch that touched it is answered refused.
    mutating func judgeTouchedRows() throws {
        let rows = touched
        let judge = judge
        try rows.judge(with: judge, in: context.db, schema: context.schema) { change, reason in
            guard let reason else { return accepted.append(change.key) }
            for index in won[change.key] ?? [] {
                if verdicts[index] == nil { winners -= 1 }
                note(index, .rejected, reason)
            }
            try restore(change)
        }
    }

    private mutating func didWin(_ change: Change, key: RowKey, index: Int) {
        touched.didSet(key, column: change.column)
        won[key, default: []].append(index)
    }

    /// A value may only arrive for a row the daemon knows or that the same batch creates: a value for an
    /// unknown row belongs to a row whose deletion was forgotten, and must not bring it back.
    private mutating func knows(_ change: Change) throws -> Bool {
        if createdRows.contains(RowKey(table: change.table, id: change.rowID)) { return true }
        return try context.causalLength(table: change.table, row: change.rowID) > 0
    }

    private mutating func note(_ index: Int, _ kind: VerdictNote.Kind, _ reason: String?) {
        verdicts[index] = VerdictNote(index: index, kind: kind, reason: reason)
    }

    /// The daemon's current record for the field (or existence) that `change` touched.
    private func current(of change: Change) throws -> Change {
        let column = change.column ?? ""
        guard let stamp = try context.stamp(table: change.table, row: change.rowID, column: column) else {
            return change
        }
        var value = SyncValue.null
        if !column.isEmpty {
            let sql =
                "SELECT \(column.quotedDatabaseIdentifier) FROM \(change.table.quotedDatabaseIdentifier) WHERE id = ?"
            value = try SyncValue.fetchOne(context.db, sql: sql, arguments: [change.rowID]) ?? .null
        }
        return Change(table: change.table, rowID: change.rowID, column: change.column, value: value, stamp: stamp)
    }

    /// Puts a refused row back as it was before the batch, with newer stamps so that this wins everywhere.
    private mutating func restore(_ change: RowChange) throws {
        let table = try context.table(change.table)
        let length = try context.causalLength(table: change.table, row: change.id)
        guard let before = change.before else {
            guard length % 2 == 1 else { return }
            return try write([
                Change(table: table.name, rowID: change.id, column: nil, value: .null, stamp: stamp(length + 1))
            ])
        }
        if length == before.causalLength {
            let stamp = stamp(length)
            let fields = change.columns.filter { change.after?[$0] != before[$0] }.sorted()
            return try write(
                fields.map { Change(table: table.name, rowID: change.id, column: $0, value: before[$0], stamp: stamp) })
        }
        let revived = stamp(length % 2 == 1 ? length + 2 : length + 1)
        try write(
            [Change(table: table.name, rowID: change.id, column: nil, value: .null, stamp: revived)]
                + table.columns.map {
                    Change(table: table.name, rowID: change.id, column: $0.name, value: before[$0.name], stamp: revived)
                })
    }

    private mutating func stamp(_ causalLength: Int64) -> Stamp {
        context.localStamp(causalLength: causalLength, now: now)
    }

    private mutating func write(_ changes: [Change]) throws {
        for change in changes { try context.apply(change) }
        corrections.append(contentsOf: changes)
    }

    /// Writes the daemon's truth again with a newer stamp, so that it wins over the refused change everywhere.
    private mutating func compensate(_ change: Change) throws {
        let serverLength = try context.causalLength(table: change.table, row: change.rowID)
        if let column = change.column, change.stamp.causalLength <= serverLength {
            guard change.stamp.causalLength == serverLength, serverLength % 2 == 1 else { return }
            var restored = try current(
                of: Change(table: change.table, rowID: change.rowID, column: column, value: .null, stamp: change.stamp))
            restored.stamp = context.localStamp(causalLength: serverLength, now: now)
            try context.apply(restored)
            return corrections.append(restored)
        }
        try compensateRow(change, serverLength: serverLength)
    }

    /// Puts the row back into the daemon's state (alive with its values, or absent) as a newer incarnation.
    private mutating func compensateRow(_ change: Change, serverLength: Int64) throws {
        let alive = serverLength % 2 == 1
        var target = max(change.stamp.causalLength, serverLength) + 1
        if (target % 2 == 1) != alive { target += 1 }
        let table = try context.table(change.table)
        let values = try Row.fetchOne(
            context.db, sql: "SELECT * FROM \(table.name.quotedDatabaseIdentifier) WHERE id = ?",
            arguments: [change.rowID])
        let stamp = context.localStamp(causalLength: target, now: now)
        var restored = [Change(table: table.name, rowID: change.rowID, column: nil, value: .null, stamp: stamp)]
        if alive, let values {
            for column in table.columns {
                let value = SyncValue.fromDatabaseValue(values[column.name]) ?? .null
                restored.append(
                    Change(table: table.name, rowID: change.rowID, column: column.name, value: value, stamp: stamp))
            }
        }
        try write(restored)
    }
}
