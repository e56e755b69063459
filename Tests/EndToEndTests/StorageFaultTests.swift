import Foundation
import GRDB
import Testing

/// A locked or damaged replica gives one clear line and loses nothing; `eventsctl rebuild` recovers a laptop
/// from the daemon after sending what it had queued.
@Suite(.serialized) struct StorageFaultTests {
    struct Setup {
        let folder: URL
        let daemon: Daemon
        let laptop: Laptop

        init() throws {
            folder = try temporaryFolder()
            let database = folder.appendingPathComponent("eventsd.sqlite")
            let token = try createUser(database: database, email: "ana@example.org", name: "Ana", admin: true)
            daemon = try Daemon(database: database)
            laptop = try Laptop.signedIn("a", in: folder, daemon: daemon, token: token)
        }

        var replica: URL { laptop.home.appendingPathComponent("replica.sqlite") }
    }

    @Test func aLockedReplicaIsReportedAndLeftIntact() throws {
        let setup = try Setup()
        let before = try setup.laptop.ok("sessions", "list", "--event", "gms-2017", "--json")
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: setup.replica.path, configuration: configuration)
        try holder.inDatabase { try $0.execute(sql: "BEGIN EXCLUSIVE") }
        let refused = try setup.laptop.run(
            "sessions", "add", "--event", "gms-2017", "--title", "Blocked", "--start", "2017-09-19T15:00", "--end",
            "2017-09-19T16:00")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("locked by another program"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        try holder.inDatabase { try $0.execute(sql: "ROLLBACK") }
        try holder.close()
        #expect(try setup.laptop.ok("sessions", "list", "--event", "gms-2017", "--json") == before)
        setup.daemon.stop()
    }

    @Test func aDamagedReplicaIsRebuiltFromTheDaemonAfterSendingItsQueue() throws {
        let setup = try Setup()
        let queued = try setup.laptop.ok(
            "sessions", "add", "--event", "gms-2017", "--title", "Queued before the rebuild", "--start",
            "2017-09-19T15:00",
            "--end", "2017-09-19T16:00"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        let rebuilt = try setup.laptop.ok("rebuild")
        #expect(rebuilt.contains("sent its 7 queued change(s) first"))
        #expect(try setup.laptop.ok("sessions", "list", "--event", "gms-2017").contains(queued))

        _ = try setup.laptop.ok("sync")
        let handle = try FileHandle(forWritingTo: setup.replica)
        try handle.write(contentsOf: Data(repeating: 0x42, count: 4096))
        try handle.close()
        try? FileManager.default.removeItem(atPath: setup.replica.path + "-wal")
        try? FileManager.default.removeItem(atPath: setup.replica.path + "-shm")
        let damaged = try setup.laptop.run("sessions", "list", "--event", "gms-2017")
        #expect(damaged.status != 0)
        #expect(damaged.stderr.contains("damaged; run 'eventsctl rebuild'"), "\(damaged.stderr)")
        #expect(try setup.laptop.ok("rebuild").contains("no queued changes could be read"))
        #expect(try setup.laptop.ok("sessions", "list", "--event", "gms-2017").contains(queued))
        let kept = try FileManager.default.contentsOfDirectory(atPath: setup.laptop.home.path).filter {
            $0.contains(".previous-")
        }
        #expect(!kept.isEmpty, "the damaged file is kept")
        setup.daemon.stop()
    }
}
