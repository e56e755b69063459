import GRDB

/// A delegation's inscription of a speaker on a session's list of speakers (a plenary's statements): who speaks,
/// at what protocol rank, on behalf of which organization. The daemon numbers its `arrival`, which orders the
/// list within a rank; an inscription without one has not reached the daemon yet.
public struct Statement: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var sessionID: String
    public var personID: String
    public var rank: ProtocolRank
    /// The organization the statement is made for.
    public var onBehalfOf: String?
    public var inscribedAt: String?
    public var arrival: Int?

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.statements.name)
        id = try fields.id
        sessionID = try fields.value(.sessionID) ?? ""
        personID = try fields.value(.personID) ?? ""
        // A rank whose field has not arrived yet counts last.
        rank = try fields.word(.rank) ?? .civilSociety
        onBehalfOf = try fields.value(.onBehalfOf)
        inscribedAt = try fields.value(.inscribedAt)
        arrival = try fields.value(.arrival)
    }
}
