import Foundation

/// Reading and writing the ISO 8601 forms the domain stores and the CLI accepts.
public enum Instant {
    /// Parses `2017-09-18T13:00:00Z` or `…+02:00`, or a local `2017-09-18T09:00` read in `zone`.
    public static func parse(_ text: String, in zone: TimeZone = .gmt) -> Date? {
        // The stored form first: it is read for every session of every query, so it must be cheap.
        if let date = storedForm(text) { return date }
        if text.hasSuffix("Z"), let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
        if let date = rfc3339(text) ?? rfc3339(withSeconds: text) { return date }
        for pattern in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm"] {
            let local = DateFormatter()
            local.locale = Locale(identifier: "en_US_POSIX")
            local.timeZone = zone
            local.dateFormat = pattern
            if let date = local.date(from: text) { return date }
        }
        return nil
    }

    /// Exactly `2017-09-18T13:00:00Z`, the form the domain stores, read without a formatter; `nil` for anything
    /// else, a day the month lacks included.
    static func storedForm(_ text: String) -> Date? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Date? in
            guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
                bytes[16] == 0x3A, bytes[19] == 0x5A
            else { return nil }
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for byte in bytes[start..<(start + count)] {
                    guard (0x30...0x39).contains(byte) else { return nil }
                    value = value * 10 + Int(byte - 0x30)
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                (1...12).contains(month), (1...daysIn(month: month, of: year)).contains(day), hour < 24, minute < 60,
                second < 60
            else { return nil }
            let seconds =
                daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        } ?? nil
    }

    private static func daysIn(month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a day of the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// An RFC 3339 instant with any offset it allows (up to ±23:59, which date formatters refuse beyond ±18:00)
    /// and optional fractional seconds, or `nil`.
    public static func rfc3339(_ text: String) -> Date? {
        guard
            let match = text.wholeMatch(
                of: /(\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?:([Zz])|([+-])(\d{2}):(\d{2}))/
                    .asciiOnlyDigits())
        else { return nil }
        let utc = String(match.1).uppercased() + "Z"
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: utc.contains("."))
        guard let date = try? Date(utc, strategy: style) else { return nil }
        guard match.2 == nil, let sign = match.3, let hours = Int(match.4 ?? ""), let minutes = Int(match.5 ?? ""),
            hours < 24, minutes < 60
        else { return match.2 == nil ? nil : date }
        let offset = TimeInterval((hours * 60 + minutes) * 60)
        return date.addingTimeInterval(sign == "+" ? -offset : offset)
    }

    /// `2017-09-18T09:00+02:00` read as `2017-09-18T09:00:00+02:00`: minutes with an offset or `Z`.
    private static func rfc3339(withSeconds text: String) -> Date? {
        guard text.utf8.count <= 22, text.count > 16, "Zz+-".contains(text[text.index(text.startIndex, offsetBy: 16)])
        else { return nil }
        var full = text
        full.insert(contentsOf: ":00", at: full.index(full.startIndex, offsetBy: 16))
        return rfc3339(full)
    }

    /// Parses a time as a person gives it: with an offset or `Z`, or a local time in `zone`, which must name
    /// exactly one instant there (not a time the clock skips or shows twice).
    static func parseUnambiguous(_ text: String, in zone: TimeZone) throws(EventsError) -> Date {
        guard let date = parse(text, in: zone) else {
            let wellFormed = isLocal(text) && parse(text, in: .gmt) != nil
            throw wellFormed ? .skippedLocalTime(text, zone: zone.identifier) : .invalidTime(text)
        }
        guard isLocal(text) else { return date }
        let shown = display(date, in: zone, pattern: "yyyy-MM-dd'T'HH:mm:ss")
        guard shown.hasPrefix(text.replacingOccurrences(of: " ", with: "T")) else {
            throw .skippedLocalTime(text, zone: zone.identifier)
        }
        guard let twin = twin(of: date, in: zone) else { return date }
        throw .ambiguousLocalTime(
            text, zone: zone.identifier, offsets: [date, twin].sorted().map { offset(of: $0, in: zone) })
    }

    /// Whether the clock in `zone` shows the same local time at another instant too (the repeated hour).
    static func isAmbiguous(_ date: Date, in zone: TimeZone) -> Bool {
        twin(of: date, in: zone) != nil
    }

    /// The other instant at which the clock in `zone` shows the same local time, if the zone's offset changes
    /// within two hours around `date` and back over it.
    private static func twin(of date: Date, in zone: TimeZone) -> Date? {
        let offset = zone.secondsFromGMT(for: date)
        for probe in [date.addingTimeInterval(-7200), date.addingTimeInterval(7200)] {
            let other = zone.secondsFromGMT(for: probe)
            guard other != offset else { continue }
            let candidate = date.addingTimeInterval(TimeInterval(offset - other))
            if zone.secondsFromGMT(for: candidate) == other { return candidate }
        }
        return nil
    }

    /// The first instant of a date (`YYYY-MM-DD`) in `zone`, also on a day whose midnight the clock skips.
    static func startOfDay(_ day: String, in zone: TimeZone) -> Date? {
        guard let noon = parse(day + "T12:00", in: zone) else { return nil }
        return Calendar.gregorian(in: zone).startOfDay(for: noon)
    }

    private static func isLocal(_ text: String) -> Bool {
        !(text.uppercased().hasSuffix("Z") || text.dropFirst(10).contains("+") || text.dropFirst(10).contains("-"))
    }

    /// `+02:00`, `-05:00`: the zone's offset from UTC at that instant.
    private static func offset(of date: Date, in zone: TimeZone) -> String {
        let seconds = zone.secondsFromGMT(for: date)
        return String(format: "%@%02d:%02d", seconds < 0 ? "-" : "+", abs(seconds) / 3600, abs(seconds) % 3600 / 60)
    }

    /// The stored form: UTC, second precision.
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// A session's times in `zone` as an agenda shows them: `09:00–10:30`, or `23:00–01:00 (+1 day)` when it
    /// ends on a later day.
    public static func timeRange(from start: Date, to end: Date, in zone: TimeZone) -> String {
        let range = display(start, in: zone, pattern: "HH:mm") + "–" + display(end, in: zone, pattern: "HH:mm")
        let calendar = Calendar.gregorian(in: zone)
        let days =
            calendar.dateComponents([.day], from: calendar.startOfDay(for: start), to: calendar.startOfDay(for: end))
            .day ?? 0
        return days > 0 ? range + " (+\(days) day\(days == 1 ? "" : "s"))" : range
    }

    /// A human form in `zone`, such as `2017-09-18 09:00`.
    public static func display(_ date: Date, in zone: TimeZone, pattern: String = "yyyy-MM-dd HH:mm") -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
