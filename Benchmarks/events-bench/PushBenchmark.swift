import EventsCore
import Foundation
import Sync

/// The daemon's push path for one 1,000-change batch from an organizer (not an administrator, so every row is
/// judged): values checked, merged, every touched row judged before against after, follow-ups; against a plain
/// merge of the same changes with no authority, in the same run.
struct PushBenchmark {
    let changesPerBatch: Int
    let batches = 7

    func run() throws -> String {
        let folder = try benchFolder("push")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, replica, _) = try daemonStore(in: folder)
        try store.addEvent(
            EventDraft(
                slug: "bench", title: "Bench summit", kind: "summit", timezone: "UTC", startsOn: "2030-01-01",
                endsOn: "2030-12-31"))
        try store.addPerson(name: "Organizer", email: "organizer@example.org")
        let accounts = AccountStore(replica: replica)
        let organizer = try accounts.createAccount(email: "organizer@example.org", name: "Organizer", isAdmin: false).0
            .id
        try accounts.grant(.organizer, to: "organizer@example.org", eventSlug: "bench")
        let server = SyncServer(replica: replica, policy: EventsPolicy())
        let baseline = try Replica(
            path: folder.appendingPathComponent("baseline.sqlite").path, schema: EventsSchema.replicated)
        var pushes: [Double] = []
        var merges: [Double] = []
        for round in 0..<batches {
            let replica = ReplicaID()
            let changes = makeChanges(round: round, replica: replica)
            let request = PushRequest(
                schemaVersion: EventsSchema.version, replica: replica, batch: "b\(round)", changes: ChangeSet(changes))
            let (answer, seconds) = try measure { try server.push(request, principal: organizer) }
            guard answer.notes.isEmpty else { throw BenchError("push refused changes: \(answer.notes.prefix(3))") }
            pushes.append(seconds)
            merges.append(try measure { try baseline.merge(changes) }.1)
        }
        let push = pushes.sorted()[batches / 2] * 1000
        let merge = merges.sorted()[batches / 2] * 1000
        return
            "push: \(format(push, 1)) ms per \(changesPerBatch)-change batch, median of \(batches) (baseline plain merge \(format(merge, 1)) ms, ratio \(format(merge / push)))"
    }

    /// New sessions of the organizer's event, ten changes a row (existence and nine fields).
    private func makeChanges(round: Int, replica: ReplicaID) -> [Change] {
        let eventID = StableID.make("event", "bench")
        let stamp = Stamp(
            causalLength: 1, time: HybridTimestamp(milliseconds: Replica.wallClock(), counter: 0), replica: replica)
        return (0..<changesPerBatch / 10).flatMap { row -> [Change] in
            let id = "bench-\(round)-\(row)"
            let day = String(format: "2030-01-%02d", row % 28 + 1)
            let fields: [(String, SyncValue)] = [
                ("event_id", .text(eventID)), ("title", .text("Session \(row)")), ("format", .text("panel")),
                ("starts_at", .text("\(day)T09:00:00Z")), ("ends_at", .text("\(day)T10:00:00Z")),
                ("status", .text("scheduled")),
                ("capacity", .integer(100)), ("invitation_only", .integer(0)),
                ("description", .text("Benchmark session \(row)")),
            ]
            return [Change(table: "sessions", rowID: id, column: nil, value: .null, stamp: stamp)]
                + fields.map { Change(table: "sessions", rowID: id, column: $0.0, value: $0.1, stamp: stamp) }
        }
    }
}
