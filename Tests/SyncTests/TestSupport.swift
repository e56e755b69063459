import Foundation
import GRDB
import Sync

/// A small generic schema: Sync must work for any declared tables.
let testSchema = ReplicatedSchema(
    version: 3,
    tables: [
        ReplicatedTable("notes", columns: [.init("title", .text), .init("body", .text), .init("rank", .integer)]),
        ReplicatedTable("tags", columns: [.init("name", .text), .init("weight", .real)]),
    ])

/// A fresh folder under the system temp directory, for real SQLite files.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sync-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A wall clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64

    init(_ start: Int64 = 1_700_000_000_000) { value = start }

    var now: Int64 {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }

    var reader: @Sendable () -> Int64 { { [self] in now } }
}

func makeReplica(in folder: URL, name: String, clock: ManualClock? = nil) throws -> Replica {
    try Replica(
        path: folder.appendingPathComponent("\(name).sqlite").path, schema: testSchema,
        now: clock?.reader ?? Replica.wallClock)
}

/// Lets every account write and read everything, except rows of `notes` whose title starts with "locked".
struct TestPolicy: SyncPolicy {
    func judge(for principal: String, in db: Database) throws -> any RowJudge {
        TestJudge(isAdmin: principal == "admin")
    }

    func visibleChanges(_ changes: [Change], to principal: String, in pull: PullContext) throws -> [Change] { changes }
}

/// Judges a note by the title it had before the write: a locked note stays as it was.
struct TestJudge: RowJudge {
    let isAdmin: Bool

    func refusal(of change: RowChange, facts: Facts) throws -> String? {
        guard !isAdmin, change.table == "notes" else { return nil }
        return change.before?.text("title")?.hasPrefix("locked") == true ? "note \(change.id) is locked" : nil
    }
}

/// Calls the server in process, as the HTTP route would; the property test uses it to drop answers and
/// reorder pulled changes.
final class InProcessTransport: SyncTransport {
    let server: SyncServer
    let principal: String
    var loseNextAnswer = false
    private var sentBatches: Set<String> = []
    /// Batches sent more than once, because an earlier answer was lost.
    private(set) var replays = 0
    var shuffle: ((inout [Change]) -> Void)?

    init(server: SyncServer, principal: String) {
        self.server = server
        self.principal = principal
    }

    struct LostAnswer: Error {}

    func push(_ request: PushRequest) throws -> PushResponse {
        if !sentBatches.insert(request.batch).inserted { replays += 1 }
        let response = try server.push(request, principal: principal)
        if loseNextAnswer {
            loseNextAnswer = false
            throw LostAnswer()
        }
        return response
    }

    func pull(after cursor: Int64, limit: Int, view: String?, horizon: Int64?, schemaVersion: Int) throws
        -> PullResponse
    {
        var page = try server.pull(
            after: cursor, limit: limit, principal: principal, view: view, horizon: horizon,
            schemaVersion: schemaVersion)
        if let shuffle {
            var changes = try page.changes.changes()
            shuffle(&changes)
            page.changes = ChangeSet(changes)
        }
        return page
    }
}
