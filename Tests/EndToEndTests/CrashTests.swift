import Foundation
import Testing

/// `kill -9` of the daemon or of `eventsctl` at random points of a sync, many times: after retrying, every
/// change made is on the daemon exactly once and nothing stays queued. `CRASH_ITERATIONS` sets the count.
@Suite(.serialized) struct CrashTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["CRASH_ITERATIONS"] ?? "") ?? 16

    @Test func killNineAtRandomPointsLosesNothingAndAppliesNothingTwice() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "ana@example.org", name: "Ana", admin: true)
        var daemon = try Daemon(database: database)
        let port = daemon.port
        let laptop = try Laptop.signedIn("a", in: folder, daemon: daemon, token: token)
        var random = SystemRandomNumberGenerator()
        var daemonKills = 0
        for iteration in 0..<Self.iterations {
            for part in 0..<3 {
                _ = try laptop.ok(
                    "sessions", "add", "--event", "gms-2017", "--title", "Crash test \(iteration).\(part)",
                    "--start", "2017-09-19T14:00", "--end", "2017-09-19T14:30")
            }
            let sync = Process()
            sync.executableURL = Binaries.eventsctl
            sync.arguments = ["--home", laptop.home.path, "sync"]
            sync.standardOutput = FileHandle.nullDevice
            sync.standardError = FileHandle.nullDevice
            try sync.run()
            // A random kill point inside the sync (fault injection): nothing waits on this delay.
            usleep(UInt32.random(in: 0...40_000, using: &random))
            if Bool.random(using: &random) {
                daemon.kill9()
                daemonKills += 1
                sync.waitUntilExit()
                daemon = try Daemon(database: database, port: port, seed: nil)
            } else {
                kill(sync.processIdentifier, SIGKILL)
                sync.waitUntilExit()
            }
            _ = try laptop.ok("sync")
            #expect(try laptop.ok("status", "--json").contains("\"pendingChanges\" : 0"))
        }
        let fresh = try Laptop.signedIn("fresh", in: folder, daemon: daemon, token: token)
        struct Row: Decodable, Hashable {
            var id: String
            var title: String
        }
        let rows = try JSONDecoder().decode(
            [Row].self, from: Data(fresh.ok("sessions", "list", "--event", "gms-2017", "--json").utf8))
        let crashRows = rows.filter { $0.title.hasPrefix("Crash test") }
        #expect(crashRows.count == Self.iterations * 3, "every session made reached the daemon")
        #expect(Set(crashRows.map(\.title)).count == crashRows.count, "none was applied twice")
        let mine = try JSONDecoder().decode(
            [Row].self, from: Data(laptop.ok("sessions", "list", "--event", "gms-2017", "--json").utf8))
        #expect(Set(mine) == Set(rows))
        daemon.stop()
    }
}
