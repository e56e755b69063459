import EventsCore
import Foundation
import Sync
import Testing

/// Laptops that stayed away too long or run an old schema: deletions forgotten by the daemon never come
/// back, queued edits are sent first, and an old schema gets a clear "upgrade" and keeps its queue.
@Suite(.serialized) struct LongOfflineTests {
    @Test func aLaptopBackAfterTheHorizonRebuildsAndNoDeletedSessionReappears() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let tokenA = try createUser(database: database, email: "ana@example.org", name: "Ana", admin: true)
        let tokenB = try createUser(database: database, email: "bo@example.org", name: "Bo", admin: true)
        var daemon = try Daemon(database: database)
        let port = daemon.port
        let away = try Laptop.signedIn("away", in: folder, daemon: daemon, token: tokenA)
        let home = try Laptop.signedIn("home", in: folder, daemon: daemon, token: tokenB)
        struct Row: Decodable { var id: String; var title: String }
        let rows = try JSONDecoder().decode([Row].self, from: Data(home.ok("sessions", "list", "--event", "gms-2017", "--json").utf8))
        let lunch = try #require(rows.first { $0.title == "Lunch" })
        _ = try home.ok("sessions", "delete", lunch.id)
        _ = try home.ok("sync")

        _ = try away.ok("sessions", "edit", lunch.id, "--title", "Long lunch")
        let added = try away.ok(
            "sessions", "add", "--event", "gms-2017", "--title", "Written while away", "--start", "2017-09-19T15:00", "--end", "2017-09-19T16:00"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        daemon.stop()
        let collected = try run(Binaries.eventsd, ["admin", "collect-tombstones", "--db", database.path, "--older-than-days", "0"])
        #expect(collected.stdout.contains("Forgot 1 deleted row"))
        daemon = try Daemon(database: database, port: port, seed: nil)

        let back = try away.ok("sync")
        #expect(back.contains("rebuilding the replica"))
        let after = try away.ok("sessions", "list", "--event", "gms-2017")
        #expect(!after.contains(lunch.id) && !after.contains("Long lunch"))
        #expect(after.contains(added))
        _ = try home.ok("sync")
        let onDaemon = try home.ok("sessions", "list", "--event", "gms-2017")
        #expect(!onDaemon.contains(lunch.id))
        #expect(onDaemon.contains(added))
        daemon.stop()
    }

    @Test func anOldSchemaGetsAnUpgradeErrorAndKeepsItsQueue() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "ana@example.org", name: "Ana", admin: true)
        let daemon = try Daemon(database: database)
        let old = ReplicatedSchema(version: EventsSchema.version - 2, tables: EventsSchema.replicated.tables)
        let replica = try Replica(path: folder.appendingPathComponent("old.sqlite").path, schema: old)
        try replica.write { try $0.insert(into: "organizations", id: "org-old", values: ["name": .text("Old laptop org"), "kind": .text("company")]) }
        let before = try replica.clientStatus().pendingChanges
        let client = SyncClient(replica: replica, transport: try CurlTransport(baseURL: daemon.url, token: token))
        #expect {
            try client.sync()
        } throws: { error in
            "\(error)".contains("upgrade eventsctl")
        }
        #expect(try replica.clientStatus().pendingChanges == before)
        #expect(try replica.rows(of: "organizations").count == 1)

        let previous = ReplicatedSchema(version: EventsSchema.version - 1, tables: EventsSchema.replicated.tables)
        let recent = try Replica(path: folder.appendingPathComponent("previous.sqlite").path, schema: previous)
        try recent.write { try $0.insert(into: "organizations", id: "org-previous", values: ["name": .text("Previous version org"), "kind": .text("company")]) }
        try SyncClient(replica: recent, transport: try CurlTransport(baseURL: daemon.url, token: token)).sync()
        #expect(try recent.clientStatus().pendingChanges == 0)
        daemon.stop()
    }
}
