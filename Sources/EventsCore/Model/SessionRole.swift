import GRDB

/// A person's part in a session (co-chair, speaker, moderator, rapporteur), in display order.
public struct SessionRole: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var sessionID: String
    public var personID: String
    public var role: SessionRoleKind
    public var position: Int

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.sessionRoles.name)
        id = try fields.id
        sessionID = try fields.value(.sessionID) ?? ""
        personID = try fields.value(.personID) ?? ""
        role = try fields.word(.role) ?? .speaker
        position = try fields.value(.position) ?? 0
    }
}
