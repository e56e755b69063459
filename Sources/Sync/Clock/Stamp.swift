/// The version of one replicated value: which incarnation of the row it belongs to (its causal length), when
/// it was written, and by which replica. Later stamps win; the order is (causal length, time, replica).
public struct Stamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var causalLength: Int64
    public var time: HybridTimestamp
    public var replica: ReplicaID

    public init(causalLength: Int64, time: HybridTimestamp, replica: ReplicaID) {
        self.causalLength = causalLength
        self.time = time
        self.replica = replica
    }

    public var description: String { "cl \(causalLength) @ \(time) by \(replica.hex.prefix(8))" }

    public static func < (lhs: Stamp, rhs: Stamp) -> Bool {
        (lhs.causalLength, lhs.time) != (rhs.causalLength, rhs.time)
            ? (lhs.causalLength, lhs.time) < (rhs.causalLength, rhs.time)
            : lhs.replica < rhs.replica
    }
}
