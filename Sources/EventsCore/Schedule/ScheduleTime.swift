import Foundation

/// The schedule format's times: instants with the event zone's offset, clock times and lengths as `HH:mm`.
enum ScheduleTime {
    /// `2017-09-18T09:00:00-04:00`: the time on the event's clock with its offset then.
    static func dateTime(_ date: Date, in zone: TimeZone) -> String {
        Instant.display(date, in: zone, pattern: "yyyy-MM-dd'T'HH:mm:ssxxxxx")
    }

    static func clock(_ date: Date, in zone: TimeZone) -> String {
        Instant.display(date, in: zone, pattern: "HH:mm")
    }

    /// `01:30`; a length of a day or more keeps counting hours.
    static func duration(from start: Date, to end: Date) -> String {
        let minutes = max(0, Int(end.timeIntervalSince(start) / 60))
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
