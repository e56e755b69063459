import GRDB

/// The application's rules for who may write and read what, asked by the daemon for every change it applies
/// or serves, against the daemon's current data (not the rights a laptop had when it wrote offline).
public protocol SyncPolicy: Sendable {
    /// `nil` when `principal` may make `change` now, otherwise the reason it may not.
    func refusal(of change: Change, by principal: String, in db: Database) throws -> String?

    /// Whether `principal` may receive `change` in a pull.
    func isVisible(_ change: Change, to principal: String, in db: Database) throws -> Bool
}
