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
