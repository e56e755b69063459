/// What a person types to schedule or change a session. Times are ISO 8601; without an offset they are read in
/// the event's time zone. `nil` leaves a field as it is when editing.
public struct SessionDraft: Sendable, Equatable {
    public var title: String?
    public var format: String?
    public var start: String?
    public var end: String?
    public var room: String?

    public init(title: String? = nil, format: String? = nil, start: String? = nil, end: String? = nil, room: String? = nil) {
        self.title = title
        self.format = format
        self.start = start
        self.end = end
        self.room = room
    }
}
