import GRDB

/// The application's rules for who may write and read what, asked by the daemon for every change it applies
/// or serves, against the daemon's current data (not the rights a laptop had when it wrote offline).
public protocol SyncPolicy: Sendable {
    /// `nil` when `principal` may make `change` now, otherwise the reason it may not.
    func refusal(of change: Change, by principal: String, in batch: BatchContext) throws -> String?

    /// The subset of `changes` that `principal` may receive in a pull (whole rows, or single fields).
    func visibleChanges(_ changes: [Change], to principal: String, in pull: PullContext) throws -> [Change]

    /// A digest of what `principal` may see. When it differs from the one a laptop last pulled with, the laptop
    /// pulls again from the start, so rights granted later bring the rows filtered out before.
    func viewVersion(of principal: String, in pull: PullContext) throws -> String

    /// Daemon-owned follow-up writes after a batch was applied (decisions only the daemon takes), in the
    /// same transaction and stamped by the daemon.
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

/// What a policy sees while judging one change of a pushed batch: the daemon's database, and the values the
/// same batch proposes for the row (a new row's fields arrive after its existence record).
public struct BatchContext {
    public let db: Database
    let proposals: [RowKey: [String: SyncValue]]
    /// Answers a policy computed once for the whole batch (an account's rights, say).
    public let memo: Memo

    init(db: Database, proposals: [RowKey: [String: SyncValue]], memo: Memo) {
        self.db = db
        self.proposals = proposals
        self.memo = memo
    }

    /// The value the batch proposes for the field, else the daemon's current one.
    public func value(table: String, row: String, column: String) throws -> SyncValue? {
        if let proposed = proposals[RowKey(table: table, id: row)]?[column] { return proposed }
        return try currentValue(table: table, row: row, column: column)
    }

    /// The daemon's current value of the field, `nil` if the row does not exist here.
    public func currentValue(table: String, row: String, column: String) throws -> SyncValue? {
        let sql = "SELECT \(column.quotedDatabaseIdentifier) FROM \(table.quotedDatabaseIdentifier) WHERE id = ?"
        return try SyncValue.fetchOne(db, sql: sql, arguments: [row])
    }

    /// Whether the row exists on the daemon now.
    public func exists(table: String, row: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table.quotedDatabaseIdentifier) WHERE id = ?)", arguments: [row]) ?? false
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
