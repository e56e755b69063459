import GRDB

/// A kind of row served as a JSON resource: its table, how its rows belong to an event, and the commands that
/// create, change and delete one. Writes go only through the domain's commands, so an API write meets the same
/// rules and, on a store acting for an account, the same authorization as a synced change.
public protocol Resource {
    associatedtype Model: Codable & FetchableRecord & Sendable
    /// The body that creates a row.
    associatedtype Creation: Decodable & Sendable
    /// The body that changes a row: absent fields stay as they are, an empty text clears an optional one.
    associatedtype Changes: Decodable & Sendable

    /// The replicated table that holds the rows.
    static var table: String { get }
    /// An SQL condition on the row `t` that keeps the rows of the event whose id is bound to `:event`.
    static var eventCondition: String { get }

    /// Creates the row and returns its id; `caller` is the email of the person asking, the default owner of
    /// rows such as RSVPs and signatures.
    /// The id of the row a URL names; events are also named by their slug.
    static func id(of reference: String, in store: EventsStore) throws -> String

    /// Adds what a read derives beyond the stored fields.
    static func annotate(_ model: inout Model, in db: Database) throws

    static func create(_ input: Creation, caller: String?, in store: EventsStore) throws -> String
    static func update(id: String, _ changes: Changes, in store: EventsStore) throws
    static func delete(id: String, in store: EventsStore) throws
}

extension Resource {
    public static var eventCondition: String { "t.event_id = :event" }

    public static func id(of reference: String, in store: EventsStore) throws -> String { reference }

    public static func annotate(_ model: inout Model, in db: Database) throws {}
}

/// SQL for the people taking part in the event `:event`: in a role, invited, or answering.
enum Participants {
    static let sql = """
        SELECT r.person_id FROM session_roles r JOIN sessions s ON s.id = r.session_id WHERE s.event_id = :event
        UNION SELECT person_id FROM invitations WHERE event_id = :event
        UNION SELECT x.person_id FROM rsvps x JOIN sessions s ON s.id = x.session_id WHERE s.event_id = :event
        """
}
