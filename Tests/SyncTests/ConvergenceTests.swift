import Foundation
import TestHelpers
import Testing

@testable import Sync

/// Five laptops and the daemon, random offline edits, pushes whose answers get lost (so batches are replayed),
/// pulls applied in shuffled order, partitions and clocks that run ahead: after everyone syncs, every replica
/// holds the same rows and stamps. `SYNC_PROPERTY_SCHEDULES` raises the number of schedules (default 200).
@Suite struct ConvergenceTests {
    static let schedules = Int(ProcessInfo.processInfo.environment["SYNC_PROPERTY_SCHEDULES"] ?? "") ?? 200

    @Test func everyScheduleConverges() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var totals = Exercised()
        for seed in 1...UInt64(Self.schedules) {
            totals.add(try Self.run(seed: seed, folder: folder.appendingPathComponent("\(seed)")))
        }
        #expect(
            totals.rejected > 0 && totals.restamped > 0 && totals.replayed > 0, "the schedules missed a path: \(totals)"
        )
    }

    /// What the schedules went through, so the test proves it reached refusals, restamps and replays.
    struct Exercised {
        var rejected = 0
        var restamped = 0
        var replayed = 0

        mutating func add(_ other: Exercised) {
            rejected += other.rejected
            restamped += other.restamped
            replayed += other.replayed
        }
    }

    struct Laptop {
        var replica: Replica
        var clock: ManualClock
        var transport: InProcessTransport
        var online = true

        var client: SyncClient {
            var client = SyncClient(replica: replica, transport: transport)
            client.batchLimit = 7
            client.pageLimit = 9
            return client
        }
    }

    @discardableResult
    static func run(seed: UInt64, folder: URL) throws -> Exercised {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var random = SeededGenerator(seed: seed)
        let daemonClock = ManualClock()
        let daemon = try makeReplica(in: folder, name: "daemon", clock: daemonClock)
        var server = SyncServer(replica: daemon, policy: TestPolicy())
        server.maxClockSkew = 60_000
        var laptops = try (0..<5).map { index in
            let clock = ManualClock(daemonClock.now + (index == 4 ? 3_600_000 : Int64(index) * 1_000))
            return Laptop(
                replica: try makeReplica(in: folder, name: "laptop-\(index)", clock: clock), clock: clock,
                transport: InProcessTransport(server: server, principal: index == 0 ? "admin" : "user-\(index)"))
        }
        for _ in 0..<30 {
            let index = Int.random(in: 0..<laptops.count, using: &random)
            let elapsed = Int64.random(in: 0...500, using: &random)
            daemonClock.now += elapsed
            for laptop in laptops { laptop.clock.now += elapsed }
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<5:
                try RandomEdit.apply(to: laptops[index].replica, using: &random)
            case 5, 6:
                guard laptops[index].online else { continue }
                laptops[index].transport.loseNextAnswer = Int.random(in: 0..<4, using: &random) == 0
                var report = SyncClient.Report()
                do { try laptops[index].client.push(into: &report) } catch is InProcessTransport.LostAnswer {}
            case 7, 8:
                guard laptops[index].online else { continue }
                var shuffler = SeededGenerator(seed: random.next())
                laptops[index].transport.shuffle = { $0.shuffle(using: &shuffler) }
                var report = SyncClient.Report()
                try laptops[index].client.pull(into: &report)
            default:
                laptops[index].online.toggle()
            }
        }
        for round in 0..<2 {
            for laptop in laptops {
                laptop.transport.loseNextAnswer = false
                try laptop.client.sync()
                if round == 1 { #expect(try laptop.replica.clientStatus().pendingChanges == 0, "seed \(seed)") }
            }
        }
        let expected = try daemon.contentDigest()
        for (index, laptop) in laptops.enumerated() {
            #expect(
                try laptop.replica.contentDigest() == expected, "seed \(seed): laptop \(index) differs from the daemon")
        }
        return try daemon.read { db in
            var exercised = Exercised()
            for response in try Data.fetchAll(db, sql: "SELECT response FROM sync_batches") {
                let answer = try JSONDecoder().decode(PushResponse.self, from: response)
                exercised.rejected += answer.notes.filter { $0.kind == .rejected }.count
                exercised.restamped += answer.notes.filter { $0.kind == .restamped }.count
            }
            exercised.replayed = laptops.map(\.transport.replays).reduce(0, +)
            return exercised
        }
    }
}
