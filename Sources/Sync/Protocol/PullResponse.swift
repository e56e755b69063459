/// One page of the changes the caller may see, in the daemon's sequence order. `cursor` is the sequence to send
/// next time; `hasMore` says whether another page is already waiting.
public struct PullResponse: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    public var changes: ChangeSet
    public var cursor: Int64
    public var hasMore: Bool
    /// The caller's view version, to send with the next pull.
    public var view: String?
    /// The daemon's tombstone horizon when it served this page, to send with the next pull: a laptop that
    /// pulled under this horizon has missed none of the deletions it forgot, whatever its cursor.
    public var horizon: Int64?

    public init(
        schemaVersion: Int, changes: ChangeSet, cursor: Int64, hasMore: Bool, view: String? = nil, horizon: Int64? = nil
    ) {
        self.schemaVersion = schemaVersion
        self.changes = changes
        self.cursor = cursor
        self.hasMore = hasMore
        self.view = view
        self.horizon = horizon
    }
}
