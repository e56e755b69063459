import Foundation
import Sync
import Testing

@testable import EventsCore

/// The schema is the one place that spells the replicated tables.
@Suite struct EventsSchemaTests {
    @Test func everyTableOfTheSchemaHasItsNameAndNoOther() {
        #expect(EventsTable.allCases.map(\.name).sorted() == EventsSchema.replicated.tables.map(\.name).sorted())
    }

    @Test func everyColumnOfTheSchemaIsAnEventsColumnAndEveryEventsColumnIsInTheSchema() {
        let declared = Set(EventsSchema.replicated.tables.flatMap { $0.columns.map(\.name) })
        #expect(Set(EventsColumn.allCases.filter { $0 != .id }.map(\.name)) == declared)
    }

    /// No table or column is named by a quoted string in the code of EventsCore, eventsctl or Sync outside the
    /// schema: a table name or a snake_case column anywhere in a literal of its own, a one-word column where code
    /// uses a name as a key (`row["name"]`, `["name": ...]`, `.text("name")`, `== "name"`). SQL text is not a
    /// quoted name; a CSV record is read by its file's header words; the daemon's route paths are the API's words.
    @Test func noTableOrColumnIsNamedByAStringOutsideTheSchema() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let columns = EventsColumn.allCases.map(\.name)
        let compound = EventsTable.allCases.map(\.name) + columns.filter { $0.contains("_") }
        let simple = columns.filter { !$0.contains("_") && EventsTable(rawValue: $0) == nil }.joined(separator: "|")
        let anywhere = try Regex("\"(" + compound.joined(separator: "|") + ")\"")
        let asKey = try Regex(
            "\\[\\s*\"(\(simple))\"\\s*[\\]:]|\\.text\\(\"(\(simple))\"\\)|[!=]=\\s*\"(\(simple))\"")
        let csvRecord = try Regex("\\brecord\\[\"\\w+\"\\]")
        var found: [String] = []
        for folder in ["Sources/EventsCore", "Sources/eventsctl", "Sources/Sync"] {
            let files = FileManager.default.enumerator(
                at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let file = files?.nextObject() as? URL {
                guard file.pathExtension == "swift", file.deletingLastPathComponent().lastPathComponent != "Schema"
                else { continue }
                for (number, text) in try String(contentsOf: file, encoding: .utf8).split(
                    separator: "\n", omittingEmptySubsequences: false
                ).enumerated() where !text.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    let line = text.replacing(csvRecord, with: "record[...]")
                    // Sync's own tables have their own columns (a batch's `response`): only the events' names count there.
                    if line.contains(anywhere) || (folder != "Sources/Sync" && line.contains(asKey)) {
                        found.append("\(file.lastPathComponent):\(number + 1)")
                    }
                }
            }
        }
        #expect(found.isEmpty, "name them by EventsTable and EventsColumn: \(found)")
    }
}
