import Foundation
import GRDB

/// A meeting: a summit, a forum, a webinar series. Dates are in the event's own time zone.
public struct Event: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var slug: String
    public var title: String
    public var kind: String
    public var series: String?
    public var timezone: String
    public var venue: String?
    public var city: String?
    public var startsOn: String
    public var endsOn: String
    public var invitationOnly: Bool
    public var published: Bool
    /// The organization hosting it (a GFMD chair's government); the series' hosts in order make its troika.
    public var hostID: String?
    /// The host it announced for the series' next event, until that event is scheduled.
    public var nextHostID: String?

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.events.name)
        id = try fields.id
        slug = try fields.value(.slug) ?? ""
        title = try fields.value(.title) ?? ""
        kind = try fields.value(.kind) ?? "summit"
        series = try fields.value(.series)
        timezone = try fields.value(.timezone) ?? "UTC"
        venue = try fields.value(.venue)
        city = try fields.value(.city)
        startsOn = try fields.value(.startsOn) ?? ""
        endsOn = try fields.value(.endsOn) ?? ""
        invitationOnly = try fields.value(.invitationOnly) ?? false
        published = try fields.value(.published) ?? false
        hostID = try fields.value(.hostID)
        nextHostID = try fields.value(.nextHostID)
    }

    public var timeZone: TimeZone { TimeZone(identifier: timezone) ?? .gmt }

    /// Whether its last day has passed where it takes place.
    public func isOver(at now: Date) -> Bool {
        endsOn < Instant.display(now, in: timeZone, pattern: "yyyy-MM-dd")
    }
}
