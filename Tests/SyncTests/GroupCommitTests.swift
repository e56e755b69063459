import Foundation
import Testing

@testable import Sync

/// Transactions that arrive together commit together, each in its own savepoint: one that throws is undone alone.
@Suite struct GroupCommitTests {
    struct Refused: Error {}

    @Test func concurrentWritesShareCommitsAndARefusedOneIsUndoneAlone() throws {
        let replica = try Replica(
            path: try temporaryFolder().appendingPathComponent("server.sqlite").path, schema: testSchema,
            groupsCommits: true)
        let writers = 64
        let outcomes = Outcomes()
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for number in 0..<writers {
            done.enter()
            Thread {
                defer { done.leave() }
                start.wait()
                do {
                    try replica.write { write in
                        try write.insert(into: "notes", id: "note-\(number)", values: ["rank": .integer(Int64(number))])
                        if number % 8 == 3 { throw Refused() }
                    }
                    outcomes.record(number, refused: false)
                } catch is Refused {
                    outcomes.record(number, refused: true)
                } catch {
                    Issue.record("writer \(number): \(error)")
                }
            }.start()
        }
        for _ in 0..<writers { start.signal() }
        done.wait()
        let stored = Set(try replica.rows(of: "notes").compactMap { $0["id"]?.text })
        #expect(stored == Set(outcomes.kept.map { "note-\($0)" }), "exactly the writes answered as kept")
        #expect(outcomes.refused.count == writers / 8 && outcomes.kept.count == writers - writers / 8)
        let groupCommit = try #require(replica.groupCommit)
        #expect(groupCommit.largestBatch.load(ordering: .relaxed) > 1, "some writes waited and shared a commit")
        #expect(groupCommit.committed.load(ordering: .relaxed) < writers)
    }

    /// A transaction opened inside a transaction (no caller does so today) becomes a savepoint of its batch
    /// instead of waiting for the batch it is part of.
    @Test(.timeLimit(.minutes(1))) func aTransactionInsideATransactionIsASavepoint() throws {
        let replica = try Replica(
            path: try temporaryFolder().appendingPathComponent("server.sqlite").path, schema: testSchema,
            groupsCommits: true)
        try replica.writeLocalTables { db in
            try db.execute(sql: "CREATE TABLE marks (name TEXT NOT NULL)")
            try db.execute(sql: "INSERT INTO marks VALUES ('outer')")
            #expect(throws: Refused.self) {
                try replica.writeLocalTables { db in
                    try db.execute(sql: "INSERT INTO marks VALUES ('undone')")
                    throw Refused()
                }
            }
            try replica.writeLocalTables { db in try db.execute(sql: "INSERT INTO marks VALUES ('inner')") }
        }
        let marks = try replica.read { db in try String.fetchAll(db, sql: "SELECT name FROM marks ORDER BY name") }
        #expect(marks == ["inner", "outer"])
    }

    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var kept: [Int] = []
        private(set) var refused: [Int] = []

        func record(_ number: Int, refused isRefused: Bool) {
            lock.withLock { if isRefused { refused.append(number) } else { kept.append(number) } }
        }
    }
}
