import Foundation
import Testing

@testable import EventsCore

/// A strict reader for the tests: checks the physical rules of RFC 5545 and gives back properties.
struct ICalendarDocument {
    struct Property {
        var name: String
        var parameters: String
        var value: String
    }

    let raw: String
    let unfolded: String
    let properties: [Property]

    init(_ text: String) throws {
        raw = text
        unfolded = text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
        properties = try unfolded.components(separatedBy: "\r\n").dropLast().map(Self.parse)
    }

    static func parse(_ line: String) throws -> Property {
        var name = ""
        var parameters = ""
        var inQuotes = false
        var seenName = false
        for (offset, character) in line.enumerated() {
            if character == "\"" { inQuotes.toggle() }
            if !inQuotes, character == ":" {
                return Property(name: name, parameters: parameters, value: String(line.dropFirst(offset + 1)))
            }
            if !seenName, character == ";" {
                seenName = true
                continue
            }
            if seenName { parameters.append(character) } else { name.append(character) }
        }
        throw Malformed(line: line)
    }

    struct Malformed: Error { var line: String }

    /// The physical rules: CRLF only, at most 75 octets a line, valid UTF-8, unique UIDs, every TZID declared,
    /// DTSTAMP in UTC, components balanced, property names from the expected set.
    func checkStructure() throws {
        let bytes = Array(raw.utf8)
        #expect(String(validatingUTF8: raw) != nil)
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF at \(index)")
        }
        for (index, byte) in bytes.enumerated() where byte == 0x0D {
            #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "bare CR at \(index)")
        }
        for line in raw.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75, "line of \(line.utf8.count) octets")
            #expect(!line.hasSuffix("\\") || line.hasSuffix("\\\\"), "a fold splits an escape: \(line)")
        }
        let known: Set = [
            "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME", "REFRESH-INTERVAL",
            "X-PUBLISHED-TTL",
            "TZID", "DTSTART", "DTEND", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME", "UID", "DTSTAMP", "SEQUENCE", "SUMMARY",
            "DESCRIPTION",
            "LOCATION", "URL", "CATEGORIES", "STATUS", "ATTENDEE",
        ]
        for property in properties { #expect(known.contains(property.name), "unexpected property \(property.name)") }
        let uids = values("UID")
        #expect(Set(uids).count == uids.count)
        let declared = Set(components("VTIMEZONE").compactMap { $0["TZID"] })
        for property in properties where property.parameters.contains("TZID=") {
            let tzid = property.parameters.components(separatedBy: "TZID=")[1].components(separatedBy: ";")[0]
            #expect(declared.contains(tzid), "TZID \(tzid) used but not declared")
        }
        for stamp in values("DTSTAMP") { #expect(stamp.hasSuffix("Z") && stamp.count == 16) }
        #expect(values("BEGIN").count == values("END").count)
    }

    func values(_ name: String) -> [String] {
        properties.filter { $0.name == name }.map(\.value)
    }

    /// Each component of that kind as name → value of its own top-level properties.
    func components(_ kind: String) -> [[String: String]] {
        var result: [[String: String]] = []
        var current: [String: String]?
        var depth = 0
        for property in properties {
            if property.name == "BEGIN", property.value == kind {
                current = [:]
                depth = 0
            } else if property.name == "END", property.value == kind, let found = current {
                result.append(found)
                current = nil
            } else if current != nil {
                if property.name == "BEGIN" { depth += 1 }
                if property.name == "END" { depth -= 1 }
                if depth == 0, current?[property.name] == nil { current?[property.name] = property.value }
            }
        }
        return result
    }

    func event(uid: String) -> [String: String]? {
        components("VEVENT").first { $0["UID"] == uid }
    }

    static func unescape(_ value: String) -> String {
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                result.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
