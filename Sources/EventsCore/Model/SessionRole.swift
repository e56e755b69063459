import GRDB

/// A person's part in a session (co-chair, speaker, moderator, rapporteur), in display order.
public struct SessionRole: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var sessionID: String
    public var personID: String
    public var role: String
    public var position: Int

    public init(row: Row) throws {
        id = row["id"]
        sessionID = row["session_id"] ?? ""
        personID = row["person_id"] ?? ""
        role = row["role"] ?? ""
        position = row["position"] ?? 0
    }
}
