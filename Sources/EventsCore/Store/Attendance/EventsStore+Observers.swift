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
            if try !write.exists(in: .observers, id: id) {
                try write.insert(
                    into: .observers, id: id,
                    values: [.eventID: .text(event.id), .organizationID: .text(organization)])
            }
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
