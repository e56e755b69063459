import Foundation
import GRDB
import Synchronization

extension GroupCommit {
    /// One caller's transaction, waiting on the caller's thread until its batch committed or it is asked to lead.
    final class Job: @unchecked Sendable {
        enum Wake { case committed, lead }

        /// Runs on the leader's thread while the caller waits, so the caller's non-escaping closure is still alive;
        /// let go before the caller is woken, as the closure must not outlive its call.
        private var body: ((Database) throws -> Void)?
        private let signal = DispatchSemaphore(value: 0)
        private let wake = Mutex<Wake?>(nil)
        private(set) var failure: (any Error)?
        /// Whether its own body threw (its savepoint is then undone, and the batch goes on).
        private(set) var threw = false

        init(_ body: @escaping (Database) throws -> Void) {
            self.body = body
        }

        func run(_ db: Database) throws {
            do {
                try body?(db)
            } catch {
                threw = true
                throw error
            }
        }

        /// Blocks until the batch holding this job committed (or failed), or until the lead is handed to it.
        func waitForCommitOrLead() -> Wake {
            signal.wait()
            return wake.withLock { $0 } ?? .committed
        }

        func finish(failure: (any Error)?) {
            body = nil
            self.failure = failure
            wake.withLock { $0 = .committed }
            signal.signal()
        }

        func lead() {
            wake.withLock { $0 = .lead }
            signal.signal()
        }
    }
}
