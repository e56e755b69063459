import Foundation
import GRDB
import Sync

/// The events domain over one replica: the commands people perform, with their rules, and the queries
/// that read the agenda. Every write goes through the replica, so it is stamped and queued for sync.
public struct EventsStore: Sendable {
    /// The account a daemon-side store acts for, with the rules that judge its writes.
    struct Actor: Sendable {
        let principal: String
        let policy: any SyncPolicy
    }

    public let replica: Replica
    let actor: Actor?
    /// Whether creating a row whose natural key is taken (a room of that name, an invitation of that person)
    /// is refused as a duplicate rather than read as changing it, as the HTTP API's creation expects.
    private(set) var refusesExisting = false

    public init(replica: Replica) {
        self.replica = replica
        actor = nil
    }

    private init(replica: Replica, actor: Actor) {
        self.replica = replica
        self.actor = actor
    }

    /// The same store, writing for `principal`: every change is authorized as a synced change would be, and the
    /// daemon's follow-ups (seat decisions) are taken in the same transaction.
    public func acting(as principal: String, policy: any SyncPolicy = EventsPolicy()) -> EventsStore {
        EventsStore(replica: replica, actor: Actor(principal: principal, policy: policy))
    }

    /// The same store, refusing to create a row that exists already.
    public func creatingOnly() -> EventsStore {
        var store = self
        store.refusesExisting = true
        return store
    }

    func write<T>(_ body: (inout LocalWrite) throws -> T) throws -> T {
        if let actor { return try replica.write(as: actor.principal, policy: actor.policy, body) }
        return try replica.write(body)
    }

    /// Opens the replica file at `path` with the events schema; `migrations` adds the host's local tables.
    public static func open(
        path: String, migrations: (inout DatabaseMigrator) -> Void = { _ in }, durability: Replica.Durability = .full,
        busyTimeout: TimeInterval = 10, now: @escaping @Sendable () -> Int64 = Replica.wallClock
    ) throws -> EventsStore {
        EventsStore(
            replica: try Replica(
                path: path, schema: EventsSchema.replicated, migrations: migrations, durability: durability,
                busyTimeout: busyTimeout,
                now: now))
    }

    // MARK: Queries

    public func events() throws -> [Event] {
        try replica.read { db in try Event.fetchAll(db, sql: "SELECT * FROM events ORDER BY starts_on, slug") }
    }

    public func event(slug: String) throws -> Event {
        try replica.read { db in try visibleEvent(slug, in: db) }
    }

    /// The event's sessions in time order, cancelled ones included.
    public func sessions(eventSlug: String) throws -> [Session] {
        try replica.read { db in
            let event = try visibleEvent(eventSlug, in: db)
            return try Session.fetchAll(
                db, sql: "SELECT * FROM sessions WHERE event_id = ? ORDER BY starts_at, title, id",
                arguments: [event.id])
        }
    }

    public func session(id: String) throws -> Session {
        try replica.read { db in
            guard let session = try Session.fetchOne(db, sql: "SELECT * FROM sessions WHERE id = ?", arguments: [id])
            else {
                throw EventsError.sessionNotFound(id)
            }
            return session
        }
    }

    public func person(id: String) throws -> Person {
        try replica.read { db in try Self.person(id, in: db) }
    }

    public func signature(id: String) throws -> Signature {
        try replica.read { db in
            guard
                let signature = try Signature.fetchOne(
                    db, sql: "SELECT * FROM signatures WHERE id = ?", arguments: [id])
            else {
                throw EventsError.notFound(kind: "signature", key: id)
            }
            return signature
        }
    }

    // MARK: Helpers

    static func event(slug: String, in db: Database) throws -> Event {
        guard
            let event = try Event.fetchOne(
                db, sql: "SELECT * FROM events WHERE slug = ? OR id = ? ORDER BY id LIMIT 1", arguments: [slug, slug])
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
}
