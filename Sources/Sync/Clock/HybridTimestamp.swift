import Foundation

/// A hybrid logical clock reading: 48 bits of Unix milliseconds and a 16-bit counter, packed so that the
/// integer order is the clock order.
public struct HybridTimestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let zero = HybridTimestamp(rawValue: 0)
    static let maxCounter = Int64(UInt16.max)
    static let maxMilliseconds: Int64 = (1 << 47) - 1

    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    public init(milliseconds: Int64, counter: Int64) {
        rawValue = (milliseconds << 16) | (counter & HybridTimestamp.maxCounter)
    }

    /// The earliest reading at the given wall-clock time; times outside the clock's range are clamped to it.
    public init(earliestAt date: Date) {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        self.init(milliseconds: Int64(min(max(milliseconds, 0), Double(Self.maxMilliseconds))), counter: 0)
    }

    public var milliseconds: Int64 { rawValue >> 16 }
    public var counter: Int64 { rawValue & HybridTimestamp.maxCounter }

    public var description: String { "\(milliseconds).\(counter)" }

    public static func < (lhs: HybridTimestamp, rhs: HybridTimestamp) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
