import GRDB

/// Reads a replicated row's fields for a model without ever trapping: a stored value that cannot be read as the
/// model's type (written before values were checked, or by hand) is an error for that row, which
/// `eventsd admin check` lists for repair.
struct StoredRow {
    let row: Row
    let table: String

    init(_ row: Row, table: String) {
        self.row = row
        self.table = table
    }

    var id: String {
        get throws { try value(.id) ?? "" }
    }

    func value<Value: DatabaseValueConvertible>(_ column: EventsColumn) throws -> Value? {
        let stored: DatabaseValue = row[column] ?? .null
        if stored.isNull { return nil }
        guard let value = Value.fromDatabaseValue(stored) else {
            let id = (row[EventsColumn.id] as DatabaseValue?).flatMap(String.fromDatabaseValue) ?? "?"
            throw EventsError.unreadableRow(table: table, id: id, column: column.name)
        }
        return value
    }

    /// A closed vocabulary's word; a stored word outside it is unreadable like any mistyped value.
    func word<Word: RawRepresentable>(_ column: EventsColumn) throws -> Word? where Word.RawValue == String {
        guard let text: String = try value(column) else { return nil }
        guard let word = Word(rawValue: text) else {
            throw EventsError.unreadableRow(table: table, id: (try? id) ?? "?", column: column.name)
        }
        return word
    }
}
