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
            if buckets.count >= Self.maxBuckets { Self.forgetFull(&buckets, now: now) }
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

    /// How many senders are remembered before those whose bucket has refilled are forgotten: a flood from many
    /// addresses cannot grow the table without bound.
    static let maxBuckets = 10_000

    /// Forgets buckets untouched for a minute or more: they are full again, as a new one would be.
    private static func forgetFull(_ buckets: inout [String: Bucket], now: ContinuousClock.Instant) {
        buckets = buckets.filter { now - $0.value.refilledAt < .seconds(60) }
    }
}
