import Foundation
import Sync
import Testing

@testable import EventsCore

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
        struct Row: Decodable {
            var id: String
            var title: String
        }
        let rows = try JSONDecoder().decode(
            [Row].self, from: Data(home.ok("sessions", "list", "--event", "gms-2017", "--json").utf8))
        let lunch = try #require(rows.first { $0.title == "Lunch" })
        _ = try home.ok("sessions", "delete", lunch.id)
        _ = try home.ok("sync")

        _ = try away.ok("sessions", "edit", lunch.id, "--title", "Long lunch")
        let added = try away.ok(
            "sessions", "add", "--event", "gms-2017", "--title", "Written while away", "--start", "2017-09-19T15:00",
            "--end", "2017-09-19T16:00"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        daemon.stop()
        let collected = try run(
            Binaries.eventsd, ["admin", "collect-tombstones", "--db", database.path, "--older-than-days", "0"])
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

        _ = try home.ok("sessions", "delete", added)
        _ = try home.ok("sync")
        daemon.stop()
        #expect(
            try run(Binaries.eventsd, ["admin", "collect-tombstones", "--db", database.path, "--older-than-days", "0"])
                .stdout.contains("Forgot 1"))
        daemon = try Daemon(database: database, port: port, seed: nil)
        #expect(
            try away.ok("sync").components(separatedBy: "rebuilding").count == 2,
            "one rebuild, and its fresh pull completes")
        #expect(try away.ok("sync").contains("Synced"), "the rebuilt laptop syncs as usual")
        let kept = try FileManager.default.contentsOfDirectory(atPath: away.home.path).filter {
            $0.hasPrefix("replica.sqlite.previous-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm")
        }
        #expect(kept.isEmpty, "no old copy once its queue is sent: \(kept)")
        daemon.stop()
    }

    /// Tombstones collected: a laptop that logs in afterwards pulls page after page to the end, a walk cut short
    /// resumes, and a deletion pushed with a stamp from 1970 is as young as the moment the daemon applied it.
    @Test func aLaptopThatStartsAfterACollectionPullsToTheEndAndAStaleStampAgesNothing() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "ana@example.org", name: "Ana", admin: true)
        var daemon = try Daemon(database: database)
        let organizer = try Laptop.signedIn("organizer", in: folder, daemon: daemon, token: token)
        struct Row: Decodable { var id: String }
        let sessions = try JSONDecoder().decode(
            [Row].self, from: Data(organizer.ok("sessions", "list", "--event", "gms-2017", "--json").utf8))
        for session in sessions.prefix(3) { _ = try organizer.ok("sessions", "delete", session.id) }
        _ = try organizer.ok("sync")
        daemon.stop()
        #expect(
            try run(Binaries.eventsd, ["admin", "collect-tombstones", "--db", database.path, "--older-than-days", "0"])
                .stdout.contains("Forgot 3"))
        daemon = try Daemon(database: database, seed: nil)
        defer { daemon.stop() }

        let fresh = try EventsStore.open(path: folder.appendingPathComponent("fresh.sqlite").path)
        var client = SyncClient(replica: fresh.replica, transport: try CurlTransport(baseURL: daemon.url, token: token))
        client.pageLimit = 50
        let report = try client.sync()
        #expect(report.pulled > 5 * client.pageLimit, "the hard case: many pages below the horizon")
        #expect(try fresh.sessions(eventSlug: "gms-2017").count == sessions.count - 3)

        let interrupted = try EventsStore.open(path: folder.appendingPathComponent("interrupted.sqlite").path)
        let transport = try CurlTransport(baseURL: daemon.url, token: token)
        let first = try transport.pull(
            after: 0, limit: 50, view: nil, horizon: nil, schemaVersion: EventsSchema.version)
        #expect(first.hasMore && (first.horizon ?? 0) > first.cursor)
        #expect(throws: SyncError.resyncRequired) {
            try transport.pull(
                after: first.cursor, limit: 50, view: first.view, horizon: nil, schemaVersion: EventsSchema.version)
        }
        var resumed = SyncClient(replica: interrupted.replica, transport: transport)
        resumed.pageLimit = 50
        try interrupted.replica.writeLocalTables { db in
            try db.execute(
                sql: "UPDATE sync_client SET pull_cursor = ?, view = ?, horizon = ?",
                arguments: [first.cursor, first.view, first.horizon])
        }
        _ = try resumed.sync()
        #expect(
            try interrupted.sessions(eventSlug: "gms-2017").count > 0,
            "a walk under the same horizon resumes where it stopped")

        let replica = ReplicaID()
        let ancient = Stamp(causalLength: 2, time: HybridTimestamp(milliseconds: 0, counter: 0), replica: replica)
        let deletion = PushRequest(
            schemaVersion: EventsSchema.version, replica: replica, batch: "1970",
            changes: ChangeSet([
                Change(table: "sessions", rowID: sessions[3].id, column: nil, value: .null, stamp: ancient)
            ]))
        let answer = try transport.push(deletion)
        #expect(answer.notes.map(\.kind) == [.restamped], "a stamp from 1970 is moved up to the horizon")
        #expect(
            try transport.pull(after: 0, limit: 10_000, view: nil, horizon: nil, schemaVersion: EventsSchema.version)
                .changes.changes().contains {
                    $0.rowID == sessions[3].id && $0.isDeletion
                        && $0.stamp.time.milliseconds > Replica.wallClock() - 181 * 86_400_000
                })
        daemon.stop()
        #expect(
            try run(Binaries.eventsd, ["admin", "collect-tombstones", "--db", database.path, "--older-than-days", "1"])
                .stdout.contains("Forgot 0"))
        daemon = try Daemon(database: database, seed: nil)
    }

    @Test func aDeletedSeededSessionStaysDeletedAfterACollectionAndASeededRestart() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "ana@example.org", name: "Ana", admin: true)
        var daemon = try Daemon(database: database)
        let lunch = StableID.make("session", "gms-2017", "lunch-1")
        #expect(
            try HostileInputTests.request("\(daemon.url)/v1/sessions/\(lunch)", method: "DELETE", token: token).status
                == 204)
        daemon.stop()
        #expect(
            try run(Binaries.eventsd, ["admin", "collect-tombstones", "--db", database.path, "--older-than-days", "0"])
                .stdout.contains("Forgot 1"))
        daemon = try Daemon(database: database)
        defer { daemon.stop() }
        #expect(
            try HostileInputTests.request("\(daemon.url)/v1/sessions/\(lunch)", method: "GET", token: token).status
                == 404)
        let opening = StableID.make("session", "gms-2017", "opening")
        #expect(
            try HostileInputTests.request("\(daemon.url)/v1/sessions/\(opening)", method: "GET", token: token).status
                == 200)
    }

    @Test func anOldSchemaGetsAnUpgradeErrorAndKeepsItsQueue() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "ana@example.org", name: "Ana", admin: true)
        let daemon = try Daemon(database: database)
        let old = ReplicatedSchema(
            version: EventsSchema.version - 2, tables: EventsSchema.replicated.asOf(version: 1).tables)
        let replica = try Replica(path: folder.appendingPathComponent("old.sqlite").path, schema: old)
        try replica.write {
            try $0.insert(
                into: "organizations", id: "org-old",
                values: ["name": .text("Old laptop org"), "kind": .text("company")])
        }
        let before = try replica.clientStatus().pendingChanges
        let client = SyncClient(replica: replica, transport: try CurlTransport(baseURL: daemon.url, token: token))
        #expect {
            try client.sync()
        } throws: { error in
            "\(error)".contains("upgrade eventsctl")
        }
        #expect(try replica.clientStatus().pendingChanges == before)
        #expect(try replica.rows(of: "organizations").count == 1)

        let previous = EventsSchema.replicated.asOf(version: EventsSchema.version - 1)
        let recent = try Replica(path: folder.appendingPathComponent("previous.sqlite").path, schema: previous)
        try recent.write {
            try $0.insert(
                into: "organizations", id: "org-previous",
                values: ["name": .text("Previous version org"), "kind": .text("company")])
        }
        let eventID = StableID.make("event", "gms-2017")
        try recent.write {
            try $0.insert(
                into: "sessions", id: "session-from-v1",
                values: [
                    "event_id": .text(eventID), "title": .text("Written on the previous version"),
                    "format": .text("workshop"),
                    "starts_at": .text("2017-09-19T20:00:00Z"), "ends_at": .text("2017-09-19T21:00:00Z"),
                    "room": .text("room b"),
                    "status": .text("scheduled"),
                ])
        }
        let report = try SyncClient(replica: recent, transport: try CurlTransport(baseURL: daemon.url, token: token))
            .sync()
        #expect(try recent.clientStatus().pendingChanges == 0)
        #expect(report.refused == 0)
        let newTables = EventsSchema.replicated.tables.filter { $0.since == EventsSchema.version }.map(\.name)
        let introduced = EventsSchema.replicated.tables.filter { $0.since < EventsSchema.version }.flatMap { table in
            table.columns.filter { $0.since == EventsSchema.version }.map { (table.name, $0.name) }
        }
        #expect(!introduced.isEmpty || !newTables.isEmpty)
        for table in newTables {
            #expect(
                try recent.read { db in try db.tableExists(table) } == false, "\(table) is not the previous laptop's")
        }
        for (table, column) in introduced {
            #expect(
                try recent.read { db in try db.columns(in: table).map(\.name) }.contains(column) == false,
                "\(table).\(column) is not the previous laptop's")
        }
        let onDaemon = try CraftedPushOverHTTPTests.get("\(daemon.url)/v1/sessions/session-from-v1", token: token).body
        #expect(
            onDaemon["roomID"] as? String == StableID.make("room", eventID, "room b"),
            "the daemon links the room a previous laptop named")
        daemon.stop()
    }
}
