import Foundation
import GRDB
import Synchronization

/// Many writers, one commit: the transactions that queue up while a batch commits run next, each in a savepoint
/// of its own inside one transaction that commits once (one fsync for all of them). A transaction that throws rolls
/// back its savepoint alone and its caller gets the error; the others go on. Nobody is answered before the commit:
/// if it fails, or an error has undone the whole transaction, every caller of the batch gets the failure.
///
/// There is no writer thread: the first caller to find no batch running leads one on its own thread while the
/// others wait, then hands the lead to the first caller still queued.
final class GroupCommit: Sendable {
    private let pool: DatabasePool
    private let path: String
    private let maxBatch: Int
    private let state = Mutex(State())
    /// How many batches committed, and the most transactions one of them held.
    let committed = Atomic<Int>(0)
    let largestBatch = Atomic<Int>(0)

    private struct State {
        var queue: [Job] = []
        var leading = false
    }

    init(pool: DatabasePool, path: String, maxBatch: Int = 256) {
        self.pool = pool
        self.path = path
        self.maxBatch = maxBatch
    }

    /// Runs `body` in the next batch and returns once that batch has committed.
    func perform<T>(_ body: (Database) throws -> T) throws -> T {
        try withoutActuallyEscaping(body) { body in
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

    /// Queues the job; whether its caller must lead the batch.
    private func enqueue(_ job: Job) -> Bool {
        state.withLock { state in
            state.queue.append(job)
            defer { state.leading = true }
            return !state.leading
        }
    }

    /// Runs one batch of what is queued, answers it, and hands the lead on.
    private func lead() {
        let batch = state.withLock { state in
            let count = min(state.queue.count, maxBatch)
            defer { state.queue.removeFirst(count) }
            return Array(state.queue.prefix(count))
        }
        let failure = commit(batch)
        let next = state.withLock { state in
            if state.queue.isEmpty { state.leading = false }
            return state.queue.first
        }
        for job in batch { job.finish(failure: failure) }
        next?.lead()
    }

    /// The batch in one transaction, each job in its own savepoint; the failure of the whole, if any.
    private func commit(_ batch: [Job]) -> (any Error)? {
        do {
            try StorageFailure.translating(path: path) {
                try pool.write { db in
                    for job in batch {
                        try? db.inSavepoint {
                            try job.run(db)
                            return .commit
                        }
                        guard db.isInsideTransaction else { throw GroupCommitFailure.transactionUndone }
                    }
                }
            }
            committed.add(1, ordering: .relaxed)
            largestBatch.max(batch.count, ordering: .relaxed)
            return nil
        } catch {
            return error
        }
    }
}

/// Why a caller's transaction was not kept although it ran: the batch it ran in did not commit.
enum GroupCommitFailure: Error, CustomStringConvertible {
    case transactionUndone
    case notRun

    var description: String {
        switch self {
        case .transactionUndone: "the database undid the transaction of a batch of writes; none of them was kept"
        case .notRun: "the write did not run"
        }
    }
}
