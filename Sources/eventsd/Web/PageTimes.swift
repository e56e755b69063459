import Foundation

/// Dates and times on the pages, in one zone: a day as "Tuesday 10 July 2007", a time as "09:00", and the
/// instant for machines as ISO 8601 with that zone's offset.
struct PageTimes {
    let zone: TimeZone
    private let dayKey: DateFormatter
    private let dayHeading: DateFormatter
    private let clock: DateFormatter
    private let machine: ISO8601DateFormatter

    init(zone: TimeZone) {
        self.zone = zone
        dayKey = Self.formatter("yyyy-MM-dd", zone: zone)
        dayHeading = Self.formatter("EEEE d MMMM yyyy", zone: zone)
        clock = Self.formatter("HH:mm", zone: zone)
        machine = ISO8601DateFormatter()
        machine.timeZone = zone
        machine.formatOptions = [.withInternetDateTime]
    }

    /// `YYYY-MM-DD` of the day the instant falls on here.
    func day(of date: Date) -> String { dayKey.string(from: date) }
    func heading(of date: Date) -> String { dayHeading.string(from: date) }
    func time(of date: Date) -> String { clock.string(from: date) }
    func machineReadable(_ date: Date) -> String { machine.string(from: date) }

    /// An event's dates as people write them: "9 July 2007" or "9 July 2007 – 11 July 2007".
    static func dates(from first: String, to last: String) -> String {
        let parse = formatter("yyyy-MM-dd", zone: .gmt)
        let show = formatter("d MMMM yyyy", zone: .gmt)
        guard let start = parse.date(from: first), let end = parse.date(from: last) else { return first }
        return first == last ? show.string(from: start) : "\(show.string(from: start)) – \(show.string(from: end))"
    }

    private static func formatter(_ pattern: String, zone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        return formatter
    }
}
