/// Where a laptop's pulls stand: the cursor to send, the view it pulled under and the daemon's tombstone
/// horizon it pulled under.
struct PullPosition: Sendable {
    var cursor: Int64
    var view: String?
    var horizon: Int64?

    init(cursor: Int64, view: String?, horizon: Int64?) {
        self.cursor = cursor
        self.view = view
        self.horizon = horizon
    }

    /// The position after a page was taken in.
    init(after page: PullResponse) {
        self.init(cursor: page.cursor, view: page.view, horizon: page.horizon)
    }
}
