/// The daemon's answer for one pushed change.
public enum Verdict: Hashable, Sendable {
    /// Stored and now part of the daemon's truth.
    case accepted
    /// Not stored because the daemon already holds a newer value; harmless.
    case superseded
    /// Refused; a compensating write brings every replica back to the daemon's value.
    case rejected(reason: String)
    /// Accepted with the daemon's own stamp, because the laptop's clock ran ahead.
    case restamped(reason: String)
}

/// A non-accepted verdict together with the position of its change in the pushed set.
public struct VerdictNote: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case superseded, rejected, restamped
    }

    public var index: Int
    public var kind: Kind
    public var reason: String?

    public init(index: Int, kind: Kind, reason: String?) {
        self.index = index
        self.kind = kind
        self.reason = reason
    }
}
