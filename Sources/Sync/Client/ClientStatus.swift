/// What a laptop's replica knows about its own sync state.
public struct ClientStatus: Codable, Sendable, Equatable {
    public struct Refusal: Codable, Sendable, Equatable {
        public var table: String
        public var rowID: String
        public var column: String?
        public var reason: String
        public var at: String
    }

    public var replica: String
    /// Local changes the daemon has not acknowledged yet.
    public var pendingChanges: Int
    public var pullCursor: Int64
    public var lastSyncAt: String?
    public var lastError: String?
    public var refusals: [Refusal]
}
