import GRDB

/// A working paper or other document of a session, by link: listed in the agenda and attached to its calendar
/// entry.
public struct Document: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var sessionID: String
    public var title: String
    public var url: String
    /// A BCP 47 tag such as `en` or `fr`.
    public var language: String?

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.documents.name)
        id = try fields.id
        sessionID = try fields.value(.sessionID) ?? ""
        title = try fields.value(.title) ?? ""
        url = try fields.value(.url) ?? ""
        language = try fields.value(.language)
    }
}
