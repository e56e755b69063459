/// One replicated fact: a field's value, or (with `column == nil`) a row's causal length, with its stamp.
public struct Change: Hashable, Sendable {
    public var table: String
    public var rowID: String
    /// `nil` for the row's existence record, whose causal length is `stamp.causalLength`.
    public var column: String?
    public var value: SyncValue
    public var stamp: Stamp

    public init(table: String, rowID: String, column: String?, value: SyncValue, stamp: Stamp) {
        self.table = table
        self.rowID = rowID
        self.column = column
        self.value = value
        self.stamp = stamp
    }

    public var isExistence: Bool { column == nil }

    /// Odd causal lengths are live rows, even ones deleted.
    public var isDeletion: Bool { isExistence && stamp.causalLength % 2 == 0 }
}
