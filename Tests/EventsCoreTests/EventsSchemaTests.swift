import Foundation
import Sync
import Testing

@testable import EventsCore

/// The schema is the one place that spells the replicated tables.
@Suite struct EventsSchemaTests {
    @Test func everyTableOfTheSchemaHasItsNameAndNoOther() {
        #expect(EventsTable.allCases.map(\.name).sorted() == EventsSchema.replicated.tables.map(\.name).sorted())
    }

    /// No quoted table name in the code of EventsCore or eventsctl outside the schema (SQL text aside; the
    /// daemon's route paths are the API's words, not table names).
    @Test func noTableIsNamedByAStringOutsideTheSchema() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let quoted = try Regex("\"(" + EventsTable.allCases.map(\.name).joined(separator: "|") + ")\"")
        var found: [String] = []
        for folder in ["Sources/EventsCore", "Sources/eventsctl", "Sources/Sync"] {
            let files = FileManager.default.enumerator(
                at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let file = files?.nextObject() as? URL {
                guard file.pathExtension == "swift",
                    !["EventsSchema.swift", "EventsTable.swift"].contains(file.lastPathComponent)
                else { continue }
                for (number, line) in try String(contentsOf: file, encoding: .utf8).split(
                    separator: "\n", omittingEmptySubsequences: false
                ).enumerated()
                where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && line.contains(quoted) {
                    found.append("\(file.lastPathComponent):\(number + 1)")
                }
            }
        }
        #expect(found.isEmpty, "write EventsTable.NAME.name: \(found)")
    }
}
