import Foundation
import GRDB
import Sync

/// The events domain over one replica: the commands people perform, with their rules, and the queries
/// that read the agenda. Every write goes through the replica, so it is stamped and queued for sync.
///
/// The commands are grouped by aggregate (events with their segments and rooms, sessions with their roles,
/// people and organizations, attendance, declarations, the agenda); rows are found through the lookups in
/// `EventsStore+Lookups.swift`. In the edit commands `nil` leaves a field as it is and an empty text clears an
/// optional one.
public struct EventsStore: Sendable {
    /// The account a daemon-side store acts for, with the rules that judge its writes.
    struct Actor: Sendable {
        let principal: String
        let policy: any SyncPolicy
    }

    /// The replica under the rules; whoever holds only the store cannot write past them.
    let replica: Replica
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

    /// Grows with every change the replica stores or merges: what is derived from its state may be cached under it.
    public func changeSequence() throws -> Int64 {
        try replica.sequence()
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
}
