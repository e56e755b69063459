/// What a person types to schedule or change a session. Times are ISO 8601; without an offset they are read in
/// the event's time zone. `nil` leaves a field as it is when editing; an empty string clears an optional one.
public struct SessionDraft: Sendable, Equatable {
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

    public init(
        title: String? = nil, format: String? = nil, start: String? = nil, end: String? = nil, room: String? = nil,
        segment: String? = nil, joinURL: String? = nil, recordingURL: String? = nil, capacity: Int? = nil,
        invitationOnly: Bool? = nil, description: String? = nil
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
    }
}
