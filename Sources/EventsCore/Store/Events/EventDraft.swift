import Sync

/// An event as declared by an organizer or a seed file.
public struct EventDraft: Codable, Sendable, Equatable {
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

    public init(
        slug: String, title: String, kind: String, series: String? = nil, timezone: String, venue: String? = nil,
        city: String? = nil, startsOn: String, endsOn: String, invitationOnly: Bool = false, published: Bool = true
    ) {
        self.slug = slug
        self.title = title
        self.kind = kind
        self.series = series
        self.timezone = timezone
        self.venue = venue
        self.city = city
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.invitationOnly = invitationOnly
        self.published = published
    }

    /// Reads the JSON of a seed file or an API request; the flags may be left out (open to all, published).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            slug: try container.decode(String.self, forKey: .slug),
            title: try container.decode(String.self, forKey: .title),
            kind: try container.decode(String.self, forKey: .kind),
            series: try container.decodeIfPresent(String.self, forKey: .series),
            timezone: try container.decode(String.self, forKey: .timezone),
            venue: try container.decodeIfPresent(String.self, forKey: .venue),
            city: try container.decodeIfPresent(String.self, forKey: .city),
            startsOn: try container.decode(String.self, forKey: .startsOn),
            endsOn: try container.decode(String.self, forKey: .endsOn),
            invitationOnly: try container.decodeIfPresent(Bool.self, forKey: .invitationOnly) ?? false,
            published: try container.decodeIfPresent(Bool.self, forKey: .published) ?? true)
    }

    var values: [EventsColumn: SyncValue] {
        [
            .slug: .text(slug), .title: .text(title), .kind: .text(kind),
            .series: series.map(SyncValue.text) ?? .null,
            .timezone: .text(timezone), .venue: venue.map(SyncValue.text) ?? .null,
            .city: city.map(SyncValue.text) ?? .null, .startsOn: .text(startsOn), .endsOn: .text(endsOn),
            .invitationOnly: .integer(invitationOnly ? 1 : 0), .published: .integer(published ? 1 : 0),
        ]
    }
}
