import Foundation
import GRDB
import Synchronization

/// Many writers, one commit: the transactions that queue up while a batch commits run next, each in a savepoint
/// of its own inside one transaction that commits once (one fsync for all of them). A transaction that throws rolls
/// back its savepoint alone and its caller gets the error; the others go on. Nobody is answered before the commit:
/// if it fails, or an error has undone the whole transaction, every caller of the batch gets the failure.
///
/// There is no writer thread: the first caller to find no batch running leads on its own thread while the others
/// wait, batch after batch while more are queued, for up to `budget`; then it hands the lead to the first caller
/// still queued. A batch stops taking its queued transactions after `budget` of work, so one batch never holds
/// the database long; the rest wait for the next.
final class GroupCommit: Sendable {
    private let pool: DatabasePool
    private let path: String
    private let maxBatch: Int
    private let budget: Duration
    private let state = Mutex(State())
    /// How many batches committed, and the most transactions one of them held.
    let committed = Atomic<Int>(0)
    let largestBatch = Atomic<Int>(0)

    private struct State {
        var queue: [Job] = []
        var leading = false
    }

    /// The batch being run on this thread, so a transaction opened inside a transaction becomes a savepoint of it.
    @TaskLocal private static var running: RunningBatch?

    private final class RunningBatch: @unchecked Sendable {
        let db: Database
        let owner: ObjectIdentifier

        init(db: Database, owner: ObjectIdentifier) {
            self.db = db
            self.owner = owner
        }
    }

    init(pool: DatabasePool, path: String, maxBatch: Int = 256, budget: Duration = .milliseconds(200)) {
        self.pool = pool
        self.path = path
        self.maxBatch = maxBatch
        self.budget = budget
    }

    /// Runs `body` in the next batch and returns once that batch has committed.
    func perform<T>(_ body: (Database) throws -> T) throws -> T {
        if let batch = Self.running, batch.owner == ObjectIdentifier(self) { return try nested(body, in: batch.db) }
        return try withoutActuallyEscaping(body) { body in
            var result: Result<T, any Error>?
            let job = Job { db in
                let outcome = Result { try body(db) }
                result = outcome
                if case .failure(let error) = outcome { throw error }
            }
            if enqueue(job) || job.waitForCommitOrLead() == .lead { lead() }
            if let failure = job.failure { throw failure }
            guard let result else { throw GroupCommitFailure.notRun }
            return try StorageFailure.translating(path: path) { try result.get() }
        }
    }

    /// A transaction opened by a transaction of the batch: a savepoint of it.
    private func nested<T>(_ body: (Database) throws -> T, in db: Database) throws -> T {
        var result: T?
        try StorageFailure.translating(path: path) {
            try db.inSavepoint {
                result = try body(db)
                return .commit
            }
        }
        guard let result else { throw GroupCommitFailure.notRun }
        return result
    }

    /// Queues the job; whether its caller must lead the batch.
    private func enqueue(_ job: Job) -> Bool {
        state.withLock { state in
            state.queue.append(job)
            defer { state.leading = true }
            return !state.leading
        }
    }

    /// Runs batches of what is queued, answering each and putting back what its budget left, for as long as more
    /// are queued and its time leading is within the budget; then hands the lead on. Going on saves the hand-off,
    /// which on a busy machine waits for the next caller's thread to be scheduled; stopping bounds how long the
    /// leader's own caller waits for its answer.
    private func lead() {
        let clock = ContinuousClock()
        let start = clock.now
        while true {
            let batch = state.withLock { state in
                let count = min(state.queue.count, maxBatch)
                defer { state.queue.removeFirst(count) }
                return Array(state.queue.prefix(count))
            }
            let (ran, failure) = commit(batch)
            let next = state.withLock { state in
                state.queue.insert(contentsOf: batch[ran...], at: 0)
                if state.queue.isEmpty { state.leading = false }
                return state.queue.first
            }
            for job in batch[..<ran] { job.finish(failure: failure) }
            guard let next else { return }
            if clock.now - start >= budget { return next.lead() }
        }
    }

    /// The batch in one transaction, each job in its own savepoint, until the budget is spent (the first job always
    /// runs); how many ran, and the failure of the whole, if any.
    private func commit(_ batch: [Job]) -> (ran: Int, failure: (any Error)?) {
        let clock = ContinuousClock()
        let start = clock.now
        var ran = 0
        do {
            try StorageFailure.translating(path: path) {
                try pool.write { db in
                    try Self.$running.withValue(RunningBatch(db: db, owner: ObjectIdentifier(self))) {
                        for job in batch where ran == 0 || clock.now - start < budget {
                            try Self.run(job, in: db)
                            ran += 1
                        }
                    }
                }
            }
            committed.add(1, ordering: .relaxed)
            largestBatch.max(ran, ordering: .relaxed)
            return (ran, nil)
        } catch {
            // Those that ran and the one that was running share the failure; the others wait for the next batch.
            return (min(ran + 1, batch.count), error)
        }
    }

    /// One job in its savepoint. Its own error undoes the savepoint alone; anything else (a savepoint that could not
    /// be rolled back or released, a transaction the database undid) fails the batch.
    private static func run(_ job: Job, in db: Database) throws {
        do {
            try db.inSavepoint {
                try job.run(db)
                return .commit
            }
        } catch {
            guard job.threw, db.isInsideTransaction else { throw error }
        }
    }
}

/// Why a caller's transaction was not kept although it was queued.
enum GroupCommitFailure: Error, CustomStringConvertible {
    case notRun

    var description: String { "the write did not run" }
}
