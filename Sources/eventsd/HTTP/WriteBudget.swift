import Foundation
import Synchronization

/// How many writes (pushes and API writes) each account may make: a token bucket of `perMinute` writes that
/// refills continuously, so a burst up to the budget passes and a steady flood beyond it is told when to retry.
final class WriteBudget: Sendable {
    private struct Bucket {
        var tokens: Double
        var refilledAt: ContinuousClock.Instant
    }

    let perMinute: Int
    private let buckets = Mutex<[String: Bucket]>([:])

    init(perMinute: Int) {
        self.perMinute = perMinute
    }

    /// Takes one write from the account's budget; `nil` when it may go ahead, else the seconds to wait.
    func take(for account: String, now: ContinuousClock.Instant = .now) -> Int? {
        let rate = Double(perMinute) / 60
        return buckets.withLock { buckets in
            var bucket = buckets[account] ?? Bucket(tokens: Double(perMinute), refilledAt: now)
            let elapsed = Double((now - bucket.refilledAt) / .milliseconds(1)) / 1000
            bucket.tokens = min(Double(perMinute), bucket.tokens + elapsed * rate)
            bucket.refilledAt = now
            defer { buckets[account] = bucket }
            guard bucket.tokens >= 1 else { return Int(((1 - bucket.tokens) / rate).rounded(.up)) }
            bucket.tokens -= 1
            return nil
        }
    }
}
