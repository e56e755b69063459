import GRDB

/// A text people sign, such as the Private Sector Summit's Call to Action, or a convention open for signature
/// without an event (administrators manage those). Published, its signatories are public; open to public
/// signature, anyone may sign through the daemon's form, pending an organizer's approval.
public struct Declaration: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var eventID: String?
    public var title: String
    public var text: String?
    public var published: Bool
    public var publicSigning: Bool

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.declarations.name)
        id = try fields.id
        eventID = try fields.value(.eventID)
        title = try fields.value(.title) ?? ""
        text = try fields.value(.text)
        published = try fields.value(.published) ?? false
        publicSigning = try fields.value(.publicSigning) ?? false
    }
}
