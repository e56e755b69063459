/// The shape of a seed JSON file.
struct SeedFile: Decodable {
    struct SeedOrganization: Decodable {
        var name: String
        var kind: String
        var country: String?
        var developmentStatus: String?
    }

    struct SeedPerson: Decodable {
        var name: String
        var email: String
        var organization: String?
        var country: String?
    }

    struct SeedEvent: Decodable {
        var event: EventDraft
        var segments: [SeedSegment]?
        var rooms: [SeedRoom]?
        var sessions: [SeedSession]
        var invitations: [String]?
        var declarations: [SeedDeclaration]?
        /// The host's name, and the next host's until the series' next event is in the seed.
        var host: String?
        var nextHost: String?

        enum CodingKeys: String, CodingKey {
            case segments, rooms, sessions, invitations, declarations, host, nextHost
        }

        init(from decoder: any Decoder) throws {
            event = try EventDraft(from: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            segments = try container.decodeIfPresent([SeedSegment].self, forKey: .segments)
            rooms = try container.decodeIfPresent([SeedRoom].self, forKey: .rooms)
            sessions = try container.decodeIfPresent([SeedSession].self, forKey: .sessions) ?? []
            invitations = try container.decodeIfPresent([String].self, forKey: .invitations)
            declarations = try container.decodeIfPresent([SeedDeclaration].self, forKey: .declarations)
            host = try container.decodeIfPresent(String.self, forKey: .host)
            nextHost = try container.decodeIfPresent(String.self, forKey: .nextHost)
        }
    }

    struct SeedSegment: Decodable {
        var name: String
        var startsOn: String?
        var endsOn: String?
    }

    struct SeedRoom: Decodable {
        var name: String
        var capacity: Int
    }

    /// A session of the seed: its key (the seed's own name for it, from which its id is derived), the draft's
    /// fields beside it, and its people in order.
    struct SeedSession: Decodable {
        var key: String
        var fields: SessionDraft
        var people: [SeedRole]?

        private enum CodingKeys: String, CodingKey { case key, people }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            key = try container.decode(String.self, forKey: .key)
            people = try container.decodeIfPresent([SeedRole].self, forKey: .people)
            fields = try SessionDraft(from: decoder)
        }
    }

    struct SeedRole: Decodable {
        var person: String
        var role: String
    }

    struct SeedDeclaration: Decodable {
        var key: String
        var title: String
        var text: String?
        var published: Bool?
        var publicSigning: Bool?
        /// A CSV file beside the seed (`list,name,affiliation,mark`): `list` is `commission` (named signatories)
        /// or `public` (approved public signatories), `mark` is `*` for a reservation, understanding or declaration.
        var signatories: String?
        /// Where the facts come from.
        var source: String?
    }

    /// A standing body of a series, with the members the record names (often none).
    struct SeedBody: Decodable {
        var series: String
        var name: String
        var kind: String?
        var members: [SeedMember]?
    }

    struct SeedMember: Decodable {
        var organization: String
        var from: String?
        var to: String?
    }

    var organizations: [SeedOrganization]?
    var bodies: [SeedBody]?
    /// Declarations without an event, such as a convention open for signature.
    var declarations: [SeedDeclaration]?
    var people: [SeedPerson]?
    var events: [SeedEvent]?
}
