import GRDB
import Sync

extension EventsStore {
    /// Makes an organization (by name or id) an observer of the event; returns the row's id.
    @discardableResult
    public func addObserver(eventSlug: String, organization reference: String) throws -> String {
        try write { write in
            let event = try visibleEvent(eventSlug, in: write.db)
            let organization = try Self.organizationID(reference, in: write.db)
            let id = RowID.observer(event: event.id, organization: organization)
            try upsert(
                &write, table: .observers, id: id,
                values: [.eventID: .text(event.id), .organizationID: .text(organization)])
            return id
        }
    }

    /// Ends an organization's observer status at the event.
    public func removeObserver(eventSlug: String, organization reference: String) throws {
        let id = try replica.read { db in
            RowID.observer(
                event: try visibleEvent(eventSlug, in: db).id, organization: try Self.organizationID(reference, in: db))
        }
        try delete(.observers, id: id, missing: .notFound(kind: "observer", key: reference))
    }

    public func removeObserver(id: String) throws {
        try delete(.observers, id: id, missing: .notFound(kind: "observer", key: id))
    }

    /// An observer has nothing to change: a change to one that exists is asked of the judge (a refusal before
    /// "not found" only for whoever may make it) and changes nothing.
    public func requireObserver(id: String) throws {
        try write { write in
            try write.authorize(.observers, id: id, columns: [])
            try Self.requireRow(.observers, id: id, in: write)
        }
    }

    /// The names of the event's observers, in order.
    static func observerNames(eventID: String, in db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT o.name FROM observers x JOIN organizations o ON o.id = x.organization_id
                WHERE x.event_id = ? ORDER BY o.name
                """,
            arguments: [eventID])
    }
}
