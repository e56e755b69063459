import GRDB

/// The application's rules for who may write and read what, asked by the daemon for every write it applies
/// (pushed or through its API) and every change it serves, against the daemon's current data (not the rights a
/// laptop had when it wrote offline).
public protocol SyncPolicy: Sendable {
    /// The judge of `principal`'s next write, holding the rights the account has before the write touches
    /// anything: every row the write touched is then judged on its result.
    func judge(for principal: String, in db: Database) throws -> any RowJudge

    /// The subset of `changes` that `principal` may receive in a pull (whole rows, or single fields).
    func visibleChanges(_ changes: [Change], to principal: String, in pull: PullContext) throws -> [Change]

    /// A digest of what `principal` may see. When it differs from the one a laptop last pulled with, the laptop
    /// pulls again from the start, so rights granted later bring the rows filtered out before.
    func viewVersion(of principal: String, in pull: PullContext) throws -> String

    /// Daemon-owned follow-up writes after a write was judged (decisions only the daemon takes), in the same
    /// transaction and stamped by the daemon; `rows` are the rows accepted.
    func didApply(rows: [RowKey], by principal: String, writer: inout LocalWrite) throws
}

extension SyncPolicy {
    public func viewVersion(of principal: String, in pull: PullContext) throws -> String { "" }
    public func didApply(rows: [RowKey], by principal: String, writer: inout LocalWrite) throws {}
}

/// A replicated row: its table and id.
public struct RowKey: Hashable, Sendable {
    public var table: String
    public var id: String

    public init(table: String, id: String) {
        self.table = table
        self.id = id
    }
}

/// What a policy sees while filtering one page of a pull: the daemon's database, read in one snapshot, and a
/// memo shared by the view version and the filter so the caller's rights are read once per page.
public struct PullContext {
    public let db: Database
    public let memo: Memo

    init(db: Database) {
        self.db = db
        memo = Memo()
    }
}

/// A store of values a policy derives once per batch or pull page; lives only as long as one transaction.
public final class Memo {
    private var values: [String: Any] = [:]

    init() {}

    public func value<T>(_ key: String, _ make: () throws -> T) rethrows -> T {
        if let known = values[key] as? T { return known }
        let made = try make()
        values[key] = made
        return made
    }
}
