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

    public init(row: Row) throws {
        id = row["id"]
        slug = row["slug"] ?? ""
        title = row["title"] ?? ""
        kind = row["kind"] ?? "summit"
        series = row["series"]
        timezone = row["timezone"] ?? "UTC"
        venue = row["venue"]
        city = row["city"]
        startsOn = row["starts_on"] ?? ""
        endsOn = row["ends_on"] ?? ""
        invitationOnly = row["invitation_only"] ?? false
        published = row["published"] ?? false
    }

    public var timeZone: TimeZone { TimeZone(identifier: timezone) ?? .gmt }
}
