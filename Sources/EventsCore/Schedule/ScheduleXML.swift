import Foundation

/// `schedule.xml` as frab and pretalx write it (the c3voc schema): UTF-8, escaped text, and no character XML 1.0
/// cannot carry.
public struct ScheduleXML {
    public let document: ScheduleDocument

    public init(_ document: ScheduleDocument) {
        self.document = document
    }

    public func render() -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<schedule>", "  <generator name=\"eventsd\"/>"]
        lines.append("  <url>\(Self.escaped(document.exportsURL))/schedule.xml</url>")
        lines.append("  <version>\(Self.escaped(document.version))</version>")
        lines.append("  <conference>")
        lines += [
            element("title", document.title), element("acronym", document.acronym),
            element("start", document.startsOn), element("end", document.endsOn),
            element("days", String(document.days.count)), element("timeslot_duration", "00:15"),
            element("base_url", document.baseURL), element("url", document.url),
            element("time_zone_name", document.timeZone.identifier),
        ].map { "    " + $0 }
        lines += document.tracks.map { "    <track name=\"\(Self.escaped($0))\"/>" }
        lines.append("  </conference>")
        for day in document.days { lines += render(day) }
        lines.append("</schedule>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func render(_ day: ScheduleDocument.Day) -> [String] {
        let zone = document.timeZone
        var lines = [
            "  <day index=\"\(day.index)\" date=\"\(day.date)\" start=\"\(ScheduleTime.dateTime(day.start, in: zone))\" "
                + "end=\"\(ScheduleTime.dateTime(day.end, in: zone))\">"
        ]
        for room in day.rooms {
            lines.append("    <room name=\"\(Self.escaped(room.name))\" guid=\"\(room.guid)\">")
            for entry in room.entries { lines += render(entry).map { "      " + $0 } }
            lines.append("    </room>")
        }
        lines.append("  </day>")
        return lines
    }

    private func render(_ entry: ScheduleDocument.Entry) -> [String] {
        let zone = document.timeZone
        var lines = ["<event guid=\"\(entry.guid)\" id=\"\(entry.number)\">"]
        lines += [
            element("room", entry.room), element("title", entry.title), element("subtitle", ""),
            element("type", entry.type), element("date", ScheduleTime.dateTime(entry.start, in: zone)),
            element("start", ScheduleTime.clock(entry.start, in: zone)),
            element("duration", ScheduleTime.duration(from: entry.start, to: entry.end)),
            element("abstract", entry.abstract), element("slug", entry.slug), element("track", entry.track ?? ""),
        ].map { "  " + $0 }
        lines.append("  <persons>")
        lines += entry.persons.map { "    <person guid=\"\($0.guid)\">\(Self.escaped($0.name))</person>" }
        lines.append("  </persons>")
        lines.append("  <links>")
        lines += entry.links.map { "    <link href=\"\(Self.escaped($0.url))\">\(Self.escaped($0.title))</link>" }
        lines.append("  </links>")
        lines.append("  " + element("url", entry.url))
        lines.append("</event>")
        return lines
    }

    private func element(_ name: String, _ text: String) -> String {
        "<\(name)>\(Self.escaped(text))</\(name)>"
    }

    /// Text and attribute values: the five markup characters escaped, characters XML 1.0 forbids left out.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result += "&#\(scalar.value);"
            default:
                guard Self.isAllowed(scalar) else { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
