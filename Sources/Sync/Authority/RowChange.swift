/// What one write did to one row, judged as a whole: the row before the write and after it (`nil` when it does
/// not exist), and the fields the write set, changed or not. Like CouchDB's `validate_doc_update(newDoc,
/// oldDoc)` and Firebase's `resource` vs `request.resource`: the result is judged, never the proposals.
public struct RowChange: Sendable {
    public let key: RowKey
    public let before: RowState?
    public let after: RowState?
    public let columns: Set<String>

    public init(key: RowKey, before: RowState?, after: RowState?, columns: Set<String>) {
        self.key = key
        self.before = before
        self.after = after
        self.columns = columns
    }

    public var table: String { key.table }
    public var id: String { key.id }
    public var isCreation: Bool { before == nil && after != nil }
    public var isDeletion: Bool { before != nil && after == nil }
    /// The row as it is after the write, or as it was when the write deleted it.
    public var state: RowState? { after ?? before }

    /// Whether the field's value differs between before and after (of one live incarnation).
    public func changes(_ column: String) -> Bool {
        guard let before, let after else { return false }
        return before[column] != after[column]
    }

    /// A write that replaced one live incarnation by another is a deletion followed by a creation.
    var parts: [RowChange] {
        guard let before, let after, before.causalLength != after.causalLength else { return [self] }
        return [
            RowChange(key: key, before: before, after: nil, columns: columns),
            RowChange(key: key, before: nil, after: after, columns: columns),
        ]
    }
}
