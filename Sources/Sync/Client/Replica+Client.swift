import Foundation
import GRDB

extension Replica {
    /// The next batch to push: the one already in flight if a previous attempt got no answer (so a replay is
    /// recognised by the daemon), otherwise a new one of at most `limit` queued changes; `nil` when nothing waits.
    func nextBatch(limit: Int) throws -> PushRequest? {
        try transaction { db in
            if let body = try Data.fetchOne(db, sql: "SELECT body FROM sync_outbox LIMIT 1") {
                return try JSONDecoder().decode(PushRequest.self, from: body)
            }
            let pushed = try Int64.fetchOne(db, sql: "SELECT pushed_seq FROM sync_client") ?? 0
            let page = try changes(
                in: db, after: pushed, through: try closingSeq(after: pushed, in: db), limit: limit, authoredBy: id)
            guard !page.changes.isEmpty else { return nil }
            let request = PushRequest(
                schemaVersion: schema.version, replica: id, batch: UUID().uuidString.lowercased(),
                changes: ChangeSet(page.changes))
            try db.execute(
                sql: "INSERT INTO sync_outbox (batch, upto_seq, body) VALUES (?, ?, ?)",
                arguments: [request.batch, page.lastSeq, try JSONEncoder().encode(request)])
            return request
        }
    }

    /// The last change of the first row created after `pushed` in a table that closes a push batch, if any: the
    /// batch ends there.
    private func closingSeq(after pushed: Int64, in db: Database) throws -> Int64? {
        let closing = schema.tables.filter(\.closesPushBatch).map(\.name)
        guard !closing.isEmpty else { return nil }
        var arguments: StatementArguments = [pushed, id.bytes]
        _ = arguments.append(contentsOf: StatementArguments(closing))
        let sql = """
            SELECT tbl, row_id FROM crdt_clock
            WHERE seq > ? AND replica = ? AND col = '' AND cl % 2 = 1
            AND tbl IN (\(databaseQuestionMarks(count: closing.count))) ORDER BY seq LIMIT 1
            """
        guard let first = try Row.fetchOne(db, sql: sql, arguments: arguments) else { return nil }
        return try Int64.fetchOne(
            db, sql: "SELECT max(seq) FROM crdt_clock WHERE tbl = ? AND row_id = ? AND replica = ? AND seq > ?",
            arguments: [first["tbl"], first["row_id"], id.bytes, pushed])
    }

    /// Takes in the daemon's answer: adopts its corrections, remembers refusals, and dequeues the batch.
    func complete(_ request: PushRequest, with response: PushResponse) throws {
        let pushed = try request.changes.changes()
        let corrections = try response.corrections.changes()
        try transaction { db in
            var context = try MergeContext(db: db, schema: schema, now: now())
            for correction in corrections {
                context.clock.receive(correction.stamp.time)
                try context.apply(correction, force: true)
            }
            try context.save()
            let at = ISO8601DateFormatter().string(from: Date())
            for note in response.notes where note.kind == .rejected && pushed.indices.contains(note.index) {
                let change = pushed[note.index]
                try db.execute(
                    sql: "INSERT INTO sync_refusals (tbl, row_id, col, reason, at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [change.table, change.rowID, change.column, note.reason ?? "refused", at])
            }
            let upTo = try Int64.fetchOne(
                db, sql: "SELECT upto_seq FROM sync_outbox WHERE batch = ?", arguments: [request.batch])
            try db.execute(sql: "DELETE FROM sync_outbox WHERE batch = ?", arguments: [request.batch])
            if let upTo {
                try db.execute(sql: "UPDATE sync_client SET pushed_seq = max(pushed_seq, ?)", arguments: [upTo])
            }
        }
    }

    func pullPosition() throws -> PullPosition {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT pull_cursor, view, horizon FROM sync_client")
            return PullPosition(cursor: row?["pull_cursor"] ?? 0, view: row?["view"], horizon: row?["horizon"])
        }
    }

    /// Merges a pulled page and advances the cursor in the same transaction. A page served under another view
    /// than `position`'s starts a walk over, whose end removes what the new view no longer holds (`ViewSweep`).
    func apply(_ page: PullResponse, pulledFrom position: PullPosition) throws -> Int {
        let changes = try page.changes.changes()
        let (won, forgotten) = try transaction { db in
            if let view = position.view, view != page.view { try ViewSweep.begin(in: db) }
            var context = try MergeContext(db: db, schema: schema, now: now())
            context.defersValues = true
            if let newest = changes.map(\.stamp.time).max() { context.clock.receive(newest) }
            var won = 0
            for change in changes where try context.apply(change) { won += 1 }
            try context.save()
            var forgotten = 0
            if try ViewSweep.isSweeping(in: db) {
                try ViewSweep.note(changes, in: db)
                if !page.hasMore { forgotten = try ViewSweep.finish(schema, replica: id, in: db) }
            }
            try db.execute(
                sql: "UPDATE sync_client SET pull_cursor = ?, view = ?, horizon = ?",
                arguments: [page.cursor, page.view, page.horizon])
            return (won, forgotten)
        }
        if forgotten > 0 { foldWriteAheadLog() }
        return won
    }

    /// Old copies of what was removed may still sit in the write-ahead log or in pages of the file not yet
    /// overwritten: folds the log into the file (removed bytes zeroed by secure_delete) and truncates it. A reader
    /// holding the log open only delays this to the next time.
    public func foldWriteAheadLog() {
        try? pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    func recordSyncAttempt(error: String?) throws {
        try transaction { db in
            if let error {
                try db.execute(sql: "UPDATE sync_client SET last_error = ?", arguments: [error])
            } else {
                try db.execute(
                    sql: "UPDATE sync_client SET last_error = NULL, last_sync_at = ?",
                    arguments: [ISO8601DateFormatter().string(from: Date())])
            }
        }
    }

    public func clientStatus() throws -> ClientStatus {
        try read { db in
            let state = try Row.fetchOne(db, sql: "SELECT * FROM sync_client")!
            let pushed: Int64 = state["pushed_seq"]
            let pending =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM crdt_clock WHERE seq > ? AND replica = ?",
                    arguments: [pushed, id.bytes]) ?? 0
            let refusals = try Row.fetchAll(db, sql: "SELECT * FROM sync_refusals ORDER BY id DESC LIMIT 50").map {
                row in
                ClientStatus.Refusal(
                    table: row["tbl"], rowID: row["row_id"], column: row["col"], reason: row["reason"], at: row["at"])
            }
            return ClientStatus(
                replica: id.hex, pendingChanges: pending, pullCursor: state["pull_cursor"],
                lastSyncAt: state["last_sync_at"], lastError: state["last_error"], refusals: refusals)
        }
    }
}
