import Foundation

/// A VTIMEZONE for an IANA zone, generated from the system's zone data: one observance per offset change in
/// the years the calendar covers, so every local time in it resolves exactly as the zone did.
struct TimeZoneDefinition {
    let zone: TimeZone
    let covering: ClosedRange<Date>

    func lines() -> [ContentLine] {
        var lines = [ContentLine(name: "BEGIN", value: "VTIMEZONE"), ContentLine(name: "TZID", value: zone.identifier)]
        let start = covering.lowerBound.addingTimeInterval(-366 * 86_400)
        let end = covering.upperBound.addingTimeInterval(366 * 86_400)
        var transitions: [Date] = []
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next <= end {
            transitions.append(next)
            cursor = next
        }
        if transitions.isEmpty {
            let offset = zone.secondsFromGMT(for: covering.lowerBound)
            lines += observance(
                kind: "STANDARD", start: "19700101T000000", from: offset, to: offset,
                name: zone.abbreviation(for: covering.lowerBound))
        } else {
            for transition in transitions {
                let from = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
                let to = zone.secondsFromGMT(for: transition)
                let kind = zone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
                let localStart = Instant.display(
                    transition.addingTimeInterval(TimeInterval(from)), in: .gmt, pattern: "yyyyMMdd'T'HHmmss")
                lines += observance(
                    kind: kind, start: localStart, from: from, to: to, name: zone.abbreviation(for: transition))
            }
        }
        lines.append(ContentLine(name: "END", value: "VTIMEZONE"))
        return lines
    }

    private func observance(kind: String, start: String, from: Int, to: Int, name: String?) -> [ContentLine] {
        var lines = [
            ContentLine(name: "BEGIN", value: kind), ContentLine(name: "DTSTART", value: start),
            ContentLine(name: "TZOFFSETFROM", value: Self.offset(from)),
            ContentLine(name: "TZOFFSETTO", value: Self.offset(to)),
        ]
        if let name { lines.append(.text("TZNAME", name)) }
        lines.append(ContentLine(name: "END", value: kind))
        return lines
    }

    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        let text = String(format: "%@%02d%02d", sign, magnitude / 3600, (magnitude % 3600) / 60)
        return magnitude % 60 == 0 ? text : text + String(format: "%02d", magnitude % 60)
    }
}
