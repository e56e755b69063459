import Synchronization

/// Reads the replica's change sequence once for all the requests waiting for it: a page served from the cache
/// needs no database read of its own. Every read starts after each request it answers arrived, so a page is never
/// older than a write acknowledged before it was asked for.
final class ChangeSequenceProbe: Sendable {
    private struct Waiters {
        var reading = false
        var queue: [CheckedContinuation<Int64, any Error>] = []
    }

    private let waiters = Mutex(Waiters())
    private let read: @Sendable () async throws -> Int64

    init(read: @escaping @Sendable () async throws -> Int64) {
        self.read = read
    }

    /// The sequence as of a read that started after this call.
    func current() async throws -> Int64 {
        try await withCheckedThrowingContinuation { continuation in
            let starts = waiters.withLock { waiters in
                waiters.queue.append(continuation)
                defer { waiters.reading = true }
                return !waiters.reading
            }
            if starts { Task { await self.answerWaiters() } }
        }
    }

    /// Reads for everyone queued, again while more arrived during the read, then stops.
    private func answerWaiters() async {
        while true {
            let batch = waiters.withLock { waiters in
                defer { waiters.queue = [] }
                if waiters.queue.isEmpty { waiters.reading = false }
                return waiters.queue
            }
            guard !batch.isEmpty else { return }
            let sequence: Result<Int64, any Error>
            do { sequence = .success(try await read()) } catch { sequence = .failure(error) }
            for waiter in batch { waiter.resume(with: sequence) }
        }
    }
}
