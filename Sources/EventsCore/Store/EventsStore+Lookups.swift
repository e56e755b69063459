import GRDB
import Sync

// Every lookup of a row by its key or name, in one place: commands and resources find rows through these.
extension EventsStore {
    static func event(slug: String, in db: Database) throws -> Event {
        guard
            let event = try Event.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM events WHERE slug = ? OR id = ? ORDER BY id LIMIT 1"),
                arguments: [slug, slug])
        else { throw EventsError.eventNotFound(slug) }
        return event
    }

    /// The event named by slug or id; for a store acting for an account, one it may not see is not found,
    /// whether it exists or not.
    func visibleEvent(_ reference: String, in db: Database) throws -> Event {
        let event = try Self.event(slug: reference, in: db)
        try requireVisible(EventsTable.events.name, id: event.id, in: db, otherwise: .eventNotFound(reference))
        return event
    }

    static func organizationID(_ reference: String, in db: Database) throws -> String {
        guard
            let id = try String.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM organizations WHERE name = ? COLLATE NOCASE OR id = ?"),
                arguments: [reference, reference])
        else { throw EventsError.notFound(kind: "organization", key: reference) }
        return id
    }

    /// A person by id or email.
    static func person(_ reference: String, in db: Database) throws -> Person {
        guard
            let person = try Person.fetchOne(
                db.cachedStatement(
                    sql: "SELECT * FROM people WHERE id = ? OR email = ? COLLATE NOCASE ORDER BY id LIMIT 1"),
                arguments: [reference, EmailAddress.canonical(reference)])
        else { throw EventsError.notFound(kind: "person", key: reference) }
        return person
    }

    /// Refuses to change a row that does not exist (or no longer does), naming what was looked for.
    static func requireRow(_ table: EventsTable, id: String, in write: LocalWrite) throws {
        guard try write.exists(in: table, id: id) else { throw EventsError.notFound(kind: table.singularNoun, key: id) }
    }

    /// For a store acting for an account: a row the account may not see is answered `error` (not found), whether
    /// it exists or not, so status codes reveal nothing hidden.
    func requireVisible(_ table: String, id: String, in db: Database, otherwise error: EventsError) throws {
        guard let actor else { return }
        var access = try ReadAccess(principal: actor.principal, in: db)
        guard try access.sees(table: table, row: id, column: nil) else { throw error }
    }

    static func event(id: String, in db: Database) throws -> Event {
        guard
            let event = try Event.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM events WHERE id = ?"), arguments: [id])
        else {
            throw EventsError.eventNotFound(id)
        }
        return event
    }

    static func segment(named name: String, eventID: String, in db: Database) throws -> Segment {
        guard
            let segment = try Segment.fetchOne(
                db.cachedStatement(
                    sql: "SELECT * FROM segments WHERE event_id = ? AND (name = ? COLLATE NOCASE OR id = ?)"),
                arguments: [eventID, name, name])
        else { throw EventsError.notFound(kind: "segment", key: name) }
        return segment
    }

    static func session(id: String, in db: Database) throws -> Session {
        guard
            let session = try Session.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM sessions WHERE id = ?"), arguments: [id])
        else {
            throw EventsError.sessionNotFound(id)
        }
        return session
    }
}
