import EventsCore
import Foundation
import Hummingbird
import Logging
import Sync

/// Opens the daemon's replica with its local tables, its concurrent writes committed together. Only the
/// composition root and the admin commands hold it; controllers get the stores and the sync server built over it.
func openDaemonReplica(path: String, durability: Replica.Durability = .full) throws -> Replica {
    try Replica(
        path: path, schema: EventsSchema.replicated, migrations: AccountStore.registerMigrations,
        durability: durability, groupsCommits: true)
}

/// The composition root: database, seed, routes and server, wired from the configuration; the services'
/// lifetimes are the application's.
func buildApplication(
    _ configuration: DaemonConfiguration, services: DaemonServices,
    onReady: @escaping @Sendable (String) -> Void = { _ in }
) throws -> some ApplicationProtocol {
    var logger = Logger(label: "eventsd")
    logger.logLevel = configuration.logLevel
    let replica = try openDaemonReplica(path: configuration.databasePath, durability: configuration.durability)
    let store = EventsStore(replica: replica)
    if let seed = configuration.seedDirectory {
        let added = try SeedLoader(store: store).load(directory: URL(fileURLWithPath: seed))
        logger.info("Seed loaded", metadata: ["seed.directory": "\(seed)", "seed.sessions_added": "\(added)"])
    }
    let linked = try store.linkSessionsToRooms()
    if linked > 0 { logger.info("Sessions linked to their rooms", metadata: ["sessions.linked": "\(linked)"]) }
    let numbered = try store.numberWaitlists()
    if numbered > 0 { logger.info("Waiting lists numbered", metadata: ["sessions.numbered": "\(numbered)"]) }
    var server = SyncServer(replica: replica, policy: EventsPolicy())
    server.maxClockSkew = Int64(configuration.maxClockSkewSeconds) * 1000
    server.maxStampAge = Int64(configuration.tombstoneHorizonDays) * 86_400_000
    let forgotten = try server.collectTombstones(
        olderThan: Replica.wallClock() - Int64(configuration.tombstoneHorizonDays) * 86_400_000)
    if forgotten > 0 { logger.info("Tombstones collected", metadata: ["sync.forgotten_rows": "\(forgotten)"]) }
    let publicURL = PublicURL(configured: configuration.publicURL)
    let router = try buildRouter(
        store: store, accounts: AccountStore(replica: replica), server: server, configuration: configuration,
        services: services, publicURL: publicURL)
    let host = configuration.host
    return Application(
        router: router,
        server: GuardedHTTPChannel.builder(
            headerTimeout: .seconds(Int64(configuration.headerTimeoutSeconds)),
            idleTimeout: .seconds(Int64(configuration.idleTimeoutSeconds))),
        configuration: .init(address: .hostname(host, port: configuration.port), serverName: "eventsd"),
        services: [services.database],
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            publicURL.listening(at: "http://\(host):\(port)")
            onReady("http://\(host):\(port)")
        },
        logger: logger)
}
