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

        enum CodingKeys: String, CodingKey { case segments, rooms, sessions, invitations, declarations }

        init(from decoder: any Decoder) throws {
            event = try EventDraft(from: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            segments = try container.decodeIfPresent([SeedSegment].self, forKey: .segments)
            rooms = try container.decodeIfPresent([SeedRoom].self, forKey: .rooms)
            sessions = try container.decodeIfPresent([SeedSession].self, forKey: .sessions) ?? []
            invitations = try container.decodeIfPresent([String].self, forKey: .invitations)
            declarations = try container.decodeIfPresent([SeedDeclaration].self, forKey: .declarations)
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
    }

    var organizations: [SeedOrganization]?
    var people: [SeedPerson]?
    var events: [SeedEvent]?
}
