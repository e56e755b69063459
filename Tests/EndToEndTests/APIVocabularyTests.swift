import EventsCore
import Foundation
import Sync
import TestHelpers
import Testing
import Yams

/// The column declarations are the one source of the API's vocabulary: every property of a row, creation or
/// changes schema in `openapi.yaml` that carries a replicated column states the column's closed value set, size,
/// range and format, so a client reading the document sends what the daemon accepts.
@Suite struct APIVocabularyTests {
    static let resources: [(schema: String, table: ReplicatedTable)] = [
        ("Event", EventsSchema.events), ("Segment", EventsSchema.segments), ("Room", EventsSchema.rooms),
        ("Session", EventsSchema.sessions), ("Organization", EventsSchema.organizations),
        ("Person", EventsSchema.people), ("SessionRole", EventsSchema.sessionRoles),
        ("Invitation", EventsSchema.invitations), ("RSVP", EventsSchema.rsvps),
        ("Declaration", EventsSchema.declarations), ("Signature", EventsSchema.signatures),
        ("Document", EventsSchema.documents), ("Observer", EventsSchema.observers),
    ]

    /// `event_id` is `eventID` in JSON, `join_url` is `joinURL`.
    static func propertyName(of column: String) -> String {
        let parts = column.split(separator: "_").map(String.init)
        return parts.enumerated().map { index, part in
            if index == 0 { return part }
            return ["id", "url"].contains(part) ? part.uppercased() : part.prefix(1).uppercased() + part.dropFirst()
        }.joined()
    }

    /// What the document must say of a property that carries a column of `domain`, as (key, value) pairs.
    static func mismatches(_ property: [String: Any], domain: ValueDomain, isInput: Bool) -> [String] {
        var found: [String] = []
        func expect(_ key: String, _ value: AnyHashable) {
            if (property[key] as? AnyHashable) != value {
                found.append("\(key) \(value), not \(property[key] ?? "none")")
            }
        }
        /// A format stated outright, or in inputs as the first choice beside the empty text that clears the field.
        func expectFormat(_ format: String) {
            let choices = (property["anyOf"] as? [[String: Any]]) ?? []
            let stated =
                property["format"] as? String
                ?? (isInput && choices.count == 2 && choices[1]["const"] as? String == ""
                    ? choices[0]["format"] as? String : nil)
            if stated != format { found.append("format \(format), not \(stated ?? "none")") }
        }
        /// A schema of its own, referred to outright or as the first choice beside null.
        func expectReference(_ schema: String) {
            let reference = property["$ref"] ?? ((property["anyOf"] as? [[String: Any]])?.first?["$ref"])
            if reference as? String != "#/components/schemas/\(schema)" {
                found.append("$ref \(schema), not \(reference ?? "none")")
            }
        }
        switch domain.kind {
        case .timeZone where isInput:
            expectReference("TimeZoneName")
        case .instant where isInput:
            expectReference("EventTime")
        case .text, .identifier, .timeZone:
            expect("maxLength", domain.maxLength)
        case .word(let words):
            let listed = Set(((property["enum"] as? [Any]) ?? []).compactMap { $0 as? String })
            if !words.isSubset(of: listed) || !listed.subtracting(words).isSubset(of: [""]) {
                found.append("enum \(words.sorted()), not \(listed.sorted())")
            }
        case .integer(let range):
            // A command may take less than the column holds (positions count from 1), never more.
            let minimum = (property["minimum"] as? Int).map(Int64.init)
            let maximum = (property["maximum"] as? Int).map(Int64.init)
            if range.lowerBound > Int64(Int32.min),
                !(minimum.map { $0 >= range.lowerBound && isInput || $0 == range.lowerBound } ?? false)
            {
                found.append("minimum \(range.lowerBound), not \(minimum.map(String.init) ?? "none")")
            }
            if range.upperBound < Int64(Int32.max), maximum != range.upperBound {
                found.append("maximum \(range.upperBound), not \(maximum.map(String.init) ?? "none")")
            }
        case .boolean:
            let types = (property["type"] as? String).map { [$0] } ?? (property["type"] as? [String]) ?? []
            if types.first != "boolean" || !Set(types.dropFirst()).isSubset(of: ["null"]) {
                found.append("type boolean, not \(property["type"] ?? "none")")
            }
        case .date:
            expectFormat("date")
        case .instant:
            expect("format", "date-time")
            expect("maxLength", domain.maxLength)
        case .url:
            expectFormat("uri")
            expect("maxLength", domain.maxLength)
        case .email:
            expectFormat("email")
            expect("maxLength", domain.maxLength)
        case .real, .blob:
            break
        }
        return found
    }

    @Test func everyDocumentedColumnStatesItsDeclaration() throws {
        let text = try String(contentsOf: APIDocumentTests.documentFile, encoding: .utf8)
        let document = try #require(try Yams.load(yaml: text) as? [String: Any])
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        var checked = 0
        var found: [String] = []
        for (name, table) in Self.resources {
            for (schemaName, isInput) in [(name, false), (name + "Creation", true), (name + "Changes", true)] {
                let schema = try #require(schemas[schemaName] as? [String: Any], "\(schemaName) is documented")
                let properties = (schema["properties"] as? [String: [String: Any]]) ?? [:]
                for column in table.columns {
                    guard let property = properties[Self.propertyName(of: column.name)] else { continue }
                    checked += 1
                    found += Self.mismatches(property, domain: column.domain, isInput: isInput).map {
                        "\(schemaName).\(Self.propertyName(of: column.name)): \($0)"
                    }
                }
            }
        }
        #expect(checked > 100, "the properties were found")
        let zones = try #require(schemas["TimeZoneName"] as? [String: Any])
        let names = (zones["enum"] as? [String]) ?? []
        #expect(names.count > 300 && zones["maxLength"] as? Int == ValueDomain.timeZone.maxLength)
        #expect(names.filter { TimeZone(identifier: $0) == nil } == [], "every documented zone is one the daemon knows")
        let pull = try #require(((document["paths"] as? [String: Any])?["/v1/sync/pull"] as? [String: Any])?["get"])
        let parameters = try #require((pull as? [String: Any])?["parameters"] as? [[String: Any]])
        let schemaVersion = try #require(parameters.first { $0["name"] as? String == "schema" }?["schema"])
        #expect(
            (schemaVersion as? [String: Any])?["enum"] as? [Int] == [EventsSchema.version - 1, EventsSchema.version],
            "a pull names the schema versions the daemon accepts")
        let push = try #require(schemas["PushRequest"] as? [String: Any])
        let pushVersion = (push["properties"] as? [String: [String: Any]])?["schemaVersion"]?["enum"] as? [Int]
        #expect(pushVersion == [EventsSchema.version - 1, EventsSchema.version], "and so does a push")
        #expect(
            found.isEmpty, "\(found.count) properties disagree with their columns:\n\(found.joined(separator: "\n"))")
    }

    /// Every time the document's `EventTime` pattern admits is one the daemon reads, so a well-formed request is
    /// never refused for its times' shape (only for a local time the event's clock skips or shows twice).
    @Test func everyDocumentedEventTimeIsOneTheDaemonReads() throws {
        let text = try String(contentsOf: APIDocumentTests.documentFile, encoding: .utf8)
        let document = try #require(try Yams.load(yaml: text) as? [String: Any])
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let eventTime = try #require(schemas["EventTime"] as? [String: Any])
        #expect(eventTime["maxLength"] as? Int == ValueDomain.instant.maxLength)
        let pattern = try NSRegularExpression(pattern: try #require(eventTime["pattern"] as? String))
        var random = SeededGenerator(seed: 1600)
        var admitted = 0
        var leapDays = 0
        var refusedByBoth = 0
        var refusedThoughAdmitted: [String] = []
        for _ in 0..<20_000 {
            let time = Self.nearlyAnEventTime(using: &random)
            let matches = pattern.firstMatch(in: time, range: NSRange(time.startIndex..., in: time)) != nil
            let read = Instant.parse(time, in: .gmt) != nil
            if matches {
                admitted += 1
                if time.dropFirst(4).hasPrefix("-02-29") { leapDays += 1 }
                if !read { refusedThoughAdmitted.append(time) }
            } else if !read {
                refusedByBoth += 1
            }
        }
        #expect(admitted > 2_000 && leapDays > 10 && refusedByBoth > 2_000, "the sample reached both sides")
        #expect(refusedThoughAdmitted.prefix(10) == [], "\(refusedThoughAdmitted.count) admitted times are refused")
    }

    /// A time in one of the shapes people write, with fields that are often out of range: months to 13, days to
    /// 31 in every month, hours to 24, years around the documented bounds, seconds, fractions and offsets.
    static func nearlyAnEventTime(using random: inout SeededGenerator) -> String {
        func two(_ range: ClosedRange<Int>) -> String { String(format: "%02d", Int.random(in: range, using: &random)) }
        let year = [1599, 1600, 1900, 2000, 2023, 2024, 2100, 2999, 3000].randomElement(using: &random)!
        let date = String(format: "%04d", year) + "-" + two(1...13) + "-" + two(26...31)
        let clock = two(0...24) + ":" + two(0...60)
        let seconds = ["", ":" + two(0...60), ":" + two(0...59) + ".5", ":07.123456789"].randomElement(using: &random)!
        let zone = ["", "Z", "+" + two(0...24) + ":" + two(0...59), "-05:30"].randomElement(using: &random)!
        let separator = ["T", " ", "T", "t"].randomElement(using: &random)!
        return date + separator + clock + seconds + zone
    }
}
