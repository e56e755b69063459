/// What a person types to schedule or change a session: the one set of session fields that the CLI's options,
/// the API's bodies and the seed files fill (in JSON with the API's words: `startsAt`, `endsAt`, `segmentID`).
/// Times are ISO 8601; without an offset they are read in the event's time zone. `nil` leaves a field as it is
/// when editing; an empty string clears an optional one.
public struct SessionDraft: Sendable, Equatable, Decodable {
    public var title: String?
    public var format: String?
    public var start: String?
    public var end: String?
    public var room: String?
    public var segment: String?
    public var joinURL: String?
    public var recordingURL: String?
    public var capacity: Int?
    public var invitationOnly: Bool?
    public var description: String?
    public var chathamHouse: Bool?
    public var statementMinutes: Int?

    public init(
        title: String? = nil, format: String? = nil, start: String? = nil, end: String? = nil, room: String? = nil,
        segment: String? = nil, joinURL: String? = nil, recordingURL: String? = nil, capacity: Int? = nil,
        invitationOnly: Bool? = nil, description: String? = nil, chathamHouse: Bool? = nil,
        statementMinutes: Int? = nil
    ) {
        self.title = title
        self.format = format
        self.start = start
        self.end = end
        self.room = room
        self.segment = segment
        self.joinURL = joinURL
        self.recordingURL = recordingURL
        self.capacity = capacity
        self.invitationOnly = invitationOnly
        self.description = description
        self.chathamHouse = chathamHouse
        self.statementMinutes = statementMinutes
    }

    private enum CodingKeys: String, CodingKey {
        case title, format, startsAt, endsAt, room, segmentID, joinURL, recordingURL, capacity, invitationOnly
        case description, chathamHouse, statementMinutes
    }

    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            title: try fields.decodeIfPresent(String.self, forKey: .title),
            format: try fields.decodeIfPresent(String.self, forKey: .format),
            start: try fields.decodeIfPresent(String.self, forKey: .startsAt),
            end: try fields.decodeIfPresent(String.self, forKey: .endsAt),
            room: try fields.decodeIfPresent(String.self, forKey: .room),
            segment: try fields.decodeIfPresent(String.self, forKey: .segmentID),
            joinURL: try fields.decodeIfPresent(String.self, forKey: .joinURL),
            recordingURL: try fields.decodeIfPresent(String.self, forKey: .recordingURL),
            capacity: try fields.decodeIfPresent(Int.self, forKey: .capacity),
            invitationOnly: try fields.decodeIfPresent(Bool.self, forKey: .invitationOnly),
            description: try fields.decodeIfPresent(String.self, forKey: .description),
            chathamHouse: try fields.decodeIfPresent(Bool.self, forKey: .chathamHouse),
            statementMinutes: try fields.decodeIfPresent(Int.self, forKey: .statementMinutes))
    }
}
