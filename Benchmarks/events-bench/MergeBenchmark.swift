import EventsCore
import Foundation
import GRDB
import Sync

/// Applies remote field changes (mixed tables, a share conflicting with newer local stamps, a share of
/// deletions) into a replica, against plain prepared upserts of the same rows in one transaction.
struct MergeBenchmark {
    let fields: Int

    func run() throws -> String {
        let folder = try benchFolder("merge")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (remote, conflicts) = makeChanges()
        var mergeSeconds = Double.infinity
        var baselineSeconds = Double.infinity
        // Best of three alternating runs on fresh files: the machine is shared, and one slow fsync moves a
        // single run's ratio by a third.
        for round in 0..<3 {
            let replica = try Replica(
                path: folder.appendingPathComponent("merge-\(round).sqlite").path, schema: EventsSchema.replicated)
            try replica.merge(conflicts)
            mergeSeconds = min(mergeSeconds, try measure { try replica.merge(remote) }.1)
            let baseline = try Replica(
                path: folder.appendingPathComponent("baseline-\(round).sqlite").path, schema: EventsSchema.replicated)
            baselineSeconds = min(baselineSeconds, try measure { try upsert(remote, into: baseline) }.1)
        }
        let rate = Double(remote.count) / mergeSeconds
        let baselineRate = Double(remote.count) / baselineSeconds
        return
            "merge: \(Int(rate)) changes/s (baseline \(Int(baselineRate)) changes/s, ratio \(format(rate / baselineRate)))"
    }

    /// Rows of three tables with their fields, stamped by a remote replica; 10% of the fields also carry a newer
    /// local stamp (merged first, not timed), 2% of the rows are deleted.
    private func makeChanges() -> (remote: [Change], conflicts: [Change]) {
        let remoteReplica = ReplicaID()
        let localReplica = ReplicaID()
        let base = HybridTimestamp(milliseconds: 1_700_000_000_000, counter: 0).rawValue
        let tables: [(String, [String])] = [
            ("people", ["name", "email", "organization_id", "country"]),
            ("sessions", ["event_id", "title", "format", "starts_at", "ends_at", "room"]),
            ("rsvps", ["session_id", "person_id", "response", "responded_at"]),
        ]
        var remote: [Change] = []
        var conflicts: [Change] = []
        var tick: Int64 = 0
        var row = 0
        remote.reserveCapacity(fields + fields / 4)
        while remote.count < fields {
            let (table, columns) = tables[row % tables.count]
            let id = "row-\(row)"
            tick += 1
            let stamp = Stamp(causalLength: 1, time: HybridTimestamp(rawValue: base + tick), replica: remoteReplica)
            remote.append(Change(table: table, rowID: id, column: nil, value: .null, stamp: stamp))
            for (position, column) in columns.enumerated() {
                let value = SyncValue.text("\(column) value \(row)-\(position)")
                remote.append(Change(table: table, rowID: id, column: column, value: value, stamp: stamp))
                if (row * 7 + position) % 10 == 0 {
                    let newer = Stamp(
                        causalLength: 1, time: HybridTimestamp(rawValue: base + tick + 1_000_000), replica: localReplica
                    )
                    conflicts.append(
                        Change(table: table, rowID: id, column: column, value: .text("local edit"), stamp: newer))
                }
            }
            if row % 50 == 0 {
                let deletion = Stamp(
                    causalLength: 2, time: HybridTimestamp(rawValue: base + tick + 1), replica: remoteReplica)
                remote.append(Change(table: table, rowID: id, column: nil, value: .null, stamp: deletion))
            }
            row += 1
        }
        return (remote, conflicts)
    }

    /// The baseline: what an application without a CRDT does, one prepared upsert per field.
    private func upsert(_ changes: [Change], into replica: Replica) throws {
        try replica.writeLocalTables { db in
            for change in changes {
                let table = change.table.quotedDatabaseIdentifier
                if let column = change.column {
                    let name = column.quotedDatabaseIdentifier
                    try db.cachedStatement(
                        sql:
                            "INSERT INTO \(table) (id, \(name)) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET \(name) = excluded.\(name)"
                    )
                    .execute(arguments: [change.rowID, change.value])
                } else if change.isDeletion {
                    try db.cachedStatement(sql: "DELETE FROM \(table) WHERE id = ?").execute(arguments: [change.rowID])
                }
            }
        }
    }
}
