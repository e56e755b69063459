/// The application's rules for one account's writes, read once before the write touches anything (so the
/// account's rights are those it had before, whatever the write changes), then asked for every row it touched.
public protocol RowJudge {
    /// `nil` when the account may leave the row as `change.after` shows it, otherwise why not.
    func refusal(of change: RowChange, facts: Facts) throws -> String?
}
