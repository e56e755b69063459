import Foundation

/// Reading and writing the ISO 8601 forms the domain stores and the CLI accepts.
public enum Instant {
    /// Parses `2017-09-18T13:00:00Z` or `…+02:00`, or a local `2017-09-18T09:00` read in `zone`.
    public static func parse(_ text: String, in zone: TimeZone = .gmt) -> Date? {
        // The stored form first: it is read for every session of every query, so it must be cheap.
        if text.hasSuffix("Z"), let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return date }
        let withOffset = ISO8601DateFormatter()
        withOffset.formatOptions = [.withInternetDateTime]
        if let date = withOffset.date(from: text) { return date }
        withOffset.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withOffset.date(from: text) { return date }
        for pattern in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm"] {
            let local = DateFormatter()
            local.locale = Locale(identifier: "en_US_POSIX")
            local.timeZone = zone
            local.dateFormat = pattern
            if let date = local.date(from: text) { return date }
        }
        return nil
    }

    /// The stored form: UTC, second precision.
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
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
