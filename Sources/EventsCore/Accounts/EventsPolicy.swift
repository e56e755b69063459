import GRDB
import Sync

/// Who may write and read which replicated rows. Until per-event roles exist, every signed-in account may
/// edit the agenda and read all of it; the daemon asks this policy for every change regardless.
public struct EventsPolicy: SyncPolicy {
    public init() {}

    public func refusal(of change: Change, by principal: String, in db: Database) throws -> String? {
        let known = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM accounts WHERE id = ?)", arguments: [principal]) ?? false
        return known ? nil : "account \(principal) no longer exists"
    }

    public func isVisible(_ change: Change, to principal: String, in db: Database) throws -> Bool {
        true
    }
}
