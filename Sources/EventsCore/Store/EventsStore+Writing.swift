import Foundation
import GRDB
import Sync

// The write helpers every aggregate shares: insert-or-update, delete, and the cleaning of given text.
// A row others still refer to is refused with what refers to it, so nothing is left dangling through this path
// (offline deletes that cross are reported by `conflicts`).
extension EventsStore {
    /// Deletes the row unless rows of other tables still name it (`RowReferences`), which are then named; a row
    /// that does not exist is `missing` (by default "No <kind> '<id>'").
    func delete(_ table: EventsTable, id: String, missing: EventsError? = nil) throws {
        try write { write in
            guard try write.exists(in: table, id: id) else {
                throw missing ?? EventsError.notFound(kind: table.singularNoun, key: id)
            }
            var users: [String: Int] = [:]
            for reference in RowReferences.namedBy[table] ?? [] {
                let sql = "SELECT count(*) FROM \(reference.table.name) WHERE \(reference.column.name) = ?"
                let count = try Int.fetchOne(write.db, sql: sql, arguments: [id]) ?? 0
                if count > 0 { users[reference.table.name, default: 0] += count }
            }
            guard users.isEmpty else {
                let named = users.keys.sorted().map { "\(users[$0]!) \($0.replacingOccurrences(of: "_", with: " "))" }
                throw EventsError.inUse(kind: table.singularNoun, key: id, by: named.joined(separator: " and "))
            }
            try write.delete(from: table, id: id)
        }
    }

    /// A text a person gave for a field of `domain`, as stored: within the domain's length as given (counted as
    /// the API document counts it, before cleaning), cleaned, and not empty.
    static func required(_ text: String, _ what: String, fitting domain: ValueDomain = EventsSchema.name) throws
        -> String
    {
        let trimmed = try given(text, what, fitting: domain)
        guard !trimmed.isEmpty else { throw EventsError.emptyField(what) }
        return trimmed
    }

    /// An optional text as stored: within its domain's length as given, cleaned, and empty meaning none.
    static func optionalText(_ text: String, _ what: String, fitting domain: ValueDomain = EventsSchema.name) throws
        -> SyncValue
    {
        let trimmed = try given(text, what, fitting: domain)
        return trimmed.isEmpty ? .null : .text(trimmed)
    }

    /// A date as stored, `YYYY-MM-DD`, else `invalidTime`.
    static func date(_ text: String) throws -> String {
        guard Instant.parse(text + "T00:00") != nil else { throw EventsError.invalidTime(text) }
        return text
    }

    /// A link as stored: an absolute http or https URL, by its column's own rule, else `invalidLink`.
    static func link(_ text: String) throws -> String {
        let link = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (try? ValueDomain.url.admit(.text(link))) != nil else { throw EventsError.invalidLink(text) }
        return link
    }

    private static func given(_ text: String, _ what: String, fitting domain: ValueDomain) throws -> String {
        guard text.unicodeScalars.count <= domain.maxLength else {
            throw EventsError.tooLong(what, max: domain.maxLength)
        }
        return text.cleanedText
    }

    /// Inserts the row, re-creates it if deleted, or updates the given fields if it exists.
    func upsert(_ write: inout LocalWrite, table: EventsTable, id: String, values: [EventsColumn: SyncValue]) throws {
        if try write.exists(in: table, id: id) {
            if refusesExisting {
                try write.authorize(table, id: id, columns: Set(values.keys))
                let key = values[.name]?.text ?? values[.title]?.text ?? values[.email]?.text ?? id
                throw EventsError.duplicate(kind: table.singularNoun, key: key)
            }
            try write.update(table, id: id, values: values)
        } else {
            try write.insert(into: table, id: id, values: values)
        }
    }
}
