import GRDB

/// Applies one pushed batch change by change, collecting the verdicts and the daemon's compensating writes.
struct PushApplication {
    var context: MergeContext
    let now: Int64
    let skew: Int64
    private(set) var accepted = 0
    private(set) var notes: [VerdictNote] = []
    private(set) var corrections: [Change] = []
    private(set) var touched: [RowKey] = []
    private var touchedSet: Set<RowKey> = []
    let proposals: [RowKey: [String: SyncValue]]
    let memo = Memo()

    init(context: MergeContext, now: Int64, skew: Int64, changes: [Change]) {
        self.context = context
        self.now = now
        self.skew = skew
        var proposals: [RowKey: [String: SyncValue]] = [:]
        for change in changes {
            guard let column = change.column else { continue }
            proposals[RowKey(table: change.table, id: change.rowID), default: [:]][column] = change.value
        }
        self.proposals = proposals
        createdRows = Set(changes.filter(\.isExistence).map { RowKey(table: $0.table, id: $0.rowID) })
    }

    let createdRows: Set<RowKey>

    /// Lets the policy write the daemon-owned follow-ups of the rows this batch changed.
    mutating func runFollowUps(policy: any SyncPolicy, principal: String) throws {
        guard !touched.isEmpty else { return }
        var writer = LocalWrite(context: context, now: now)
        try policy.didApply(rows: touched, by: principal, writer: &writer)
        context = writer.context
    }

    func response(for batch: String) -> PushResponse {
        PushResponse(batch: batch, accepted: accepted, notes: notes, corrections: ChangeSet(corrections))
    }

    mutating func apply(_ change: Change, index: Int, from sender: ReplicaID, principal: String, policy: any SyncPolicy) throws {
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
                note(index, .rejected, SyncError.invalidValue(table: table.name, column: column, problem: error).description)
                return try compensate(change)
            }
        }
        if change.column != nil, try !knows(change) {
            return note(index, .rejected, "\(change.table) \(change.rowID) no longer exists here (deleted long ago); it stays deleted")
        }
        if let reason = try policy.refusal(of: change, by: principal, in: BatchContext(db: context.db, proposals: proposals, memo: memo)) {
            note(index, .rejected, reason)
            return try compensate(change)
        }
        let aheadBy = change.stamp.time.milliseconds - now
        if aheadBy > skew {
            change.stamp = context.localStamp(causalLength: change.stamp.causalLength, now: now)
            try context.apply(change)
            touch(change)
            note(index, .restamped, "the laptop's clock is \(aheadBy / 1000) s ahead of the daemon's; its stamp was replaced")
            return corrections.append(try current(of: change))
        }
        context.clock.receive(change.stamp.time)
        if try context.apply(change) {
            touch(change)
            guard cleaned else { return accepted += 1 }
            // The laptop holds the text as typed under this stamp: the cleaned value needs a newer one to reach it.
            change.stamp = context.localStamp(causalLength: change.stamp.causalLength, now: now)
            try context.apply(change)
            note(index, .restamped, "its text was cleaned of control characters and surrounding spaces")
            corrections.append(change)
        } else {
            note(index, .superseded, nil)
        }
    }

    private mutating func touch(_ change: Change) {
        let key = RowKey(table: change.table, id: change.rowID)
        if touchedSet.insert(key).inserted { touched.append(key) }
    }

    /// A value may only arrive for a row the daemon knows or that the same batch creates: a value for an
    /// unknown row belongs to a row whose deletion was forgotten, and must not bring it back.
    private mutating func knows(_ change: Change) throws -> Bool {
        if createdRows.contains(RowKey(table: change.table, id: change.rowID)) { return true }
        return try context.causalLength(table: change.table, row: change.rowID) > 0
    }

    private mutating func note(_ index: Int, _ kind: VerdictNote.Kind, _ reason: String?) {
        notes.append(VerdictNote(index: index, kind: kind, reason: reason))
    }

    /// The daemon's current record for the field (or existence) that `change` touched.
    private func current(of change: Change) throws -> Change {
        let column = change.column ?? ""
        guard let stamp = try context.stamp(table: change.table, row: change.rowID, column: column) else { return change }
        var value = SyncValue.null
        if !column.isEmpty {
            let sql = "SELECT \(column.quotedDatabaseIdentifier) FROM \(change.table.quotedDatabaseIdentifier) WHERE id = ?"
            value = try SyncValue.fetchOne(context.db, sql: sql, arguments: [change.rowID]) ?? .null
        }
        return Change(table: change.table, rowID: change.rowID, column: change.column, value: value, stamp: stamp)
    }

    /// Writes the daemon's truth again with a newer stamp, so that it wins over the refused change everywhere.
    private mutating func compensate(_ change: Change) throws {
        let serverLength = try context.causalLength(table: change.table, row: change.rowID)
        if let column = change.column, change.stamp.causalLength <= serverLength {
            guard change.stamp.causalLength == serverLength, serverLength % 2 == 1 else { return }
            var restored = try current(of: Change(table: change.table, rowID: change.rowID, column: column, value: .null, stamp: change.stamp))
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
            context.db, sql: "SELECT * FROM \(table.name.quotedDatabaseIdentifier) WHERE id = ?", arguments: [change.rowID])
        let stamp = context.localStamp(causalLength: target, now: now)
        var restored = [Change(table: table.name, rowID: change.rowID, column: nil, value: .null, stamp: stamp)]
        if alive, let values {
            for column in table.columns {
                let value = SyncValue.fromDatabaseValue(values[column.name]) ?? .null
                restored.append(Change(table: table.name, rowID: change.rowID, column: column.name, value: value, stamp: stamp))
            }
        }
        for change in restored { try context.apply(change) }
        corrections.append(contentsOf: restored)
    }
}
