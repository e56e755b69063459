import GRDB

/// A text participants sign, such as the Private Sector Summit's Call to Action.
public struct Declaration: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var eventID: String
    public var title: String
    public var text: String?

    public init(row: Row) throws {
        id = row["id"]
        eventID = row["event_id"] ?? ""
        title = row["title"] ?? ""
        text = row["text"]
    }
}
