/// A hybrid logical clock (Kulkarni et al.): close to wall time, yet strictly increasing even when the wall
/// clock steps back, and never behind any reading it has received.
///
/// The clock is a pure value; `Replica` persists `last` in the same transaction as the writes it stamped.
public struct HybridLogicalClock: Sendable, Equatable {
    public private(set) var last: HybridTimestamp

    public init(last: HybridTimestamp = .zero) {
        self.last = last
    }

    /// A reading for a local event, later than every reading this clock has produced or received.
    public mutating func tick(now: Int64) -> HybridTimestamp {
        let next: HybridTimestamp
        if now > last.milliseconds {
            next = HybridTimestamp(milliseconds: now, counter: 0)
        } else if last.counter < HybridTimestamp.maxCounter {
            next = HybridTimestamp(milliseconds: last.milliseconds, counter: last.counter + 1)
        } else {
            next = HybridTimestamp(milliseconds: last.milliseconds + 1, counter: 0)
        }
        last = next
        return next
    }

    /// Takes in a remote reading so that every later `tick()` is after it.
    public mutating func receive(_ remote: HybridTimestamp) {
        last = max(last, remote)
    }
}
