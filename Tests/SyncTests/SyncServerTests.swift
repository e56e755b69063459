import Foundation
import Testing

@testable import Sync

/// The daemon's authority: refusals are compensated, clocks that run ahead are restamped, batches are
/// idempotent, and nobody pushes in another replica's name.
@Suite struct SyncServerTests {
    struct Setup {
        let daemon: Replica
        let server: SyncServer
        let daemonClock = ManualClock()

        init() throws {
            let folder = try temporaryFolder()
            daemon = try makeReplica(in: folder, name: "daemon", clock: daemonClock)
            server = SyncServer(replica: daemon, policy: TestPolicy())
            self.folder = folder
        }

        let folder: URL

        func laptop(_ name: String, principal: String, clock: ManualClock? = nil) throws -> SyncClient {
            SyncClient(
                replica: try makeReplica(in: folder, name: name, clock: clock ?? daemonClock),
                transport: InProcessTransport(server: server, principal: principal))
        }
    }

    @Test func refusedEditIsRevertedOnTheLaptopAndReported() throws {
        let setup = try Setup()
        let admin = try setup.laptop("admin", principal: "admin")
        try admin.replica.write {
            try $0.insert(into: "notes", id: "n", values: ["title": .text("locked minutes"), "body": .text("v1")])
        }
        try admin.sync()
        let user = try setup.laptop("user", principal: "user")
        try user.sync()
        setup.daemonClock.now += 1_000
        try user.replica.write { try $0.update("notes", id: "n", values: ["body": .text("vandalised")]) }
        let report = try user.sync()
        #expect(report.refused == 1)
        #expect(try user.replica.rows(of: "notes").first?["body"] == .text("v1"))
        let status = try user.replica.clientStatus()
        #expect(status.refusals.first?.reason == "note n is locked")
        #expect(status.pendingChanges == 0)
        try admin.sync()
        #expect(try admin.replica.contentDigest() == setup.daemon.contentDigest())
        #expect(try user.replica.contentDigest() == setup.daemon.contentDigest())
    }

    @Test func refusedDeleteBringsTheRowBackEverywhere() throws {
        let setup = try Setup()
        let admin = try setup.laptop("admin", principal: "admin")
        try admin.replica.write {
            try $0.insert(into: "notes", id: "n", values: ["title": .text("locked"), "rank": .integer(3)])
        }
        try admin.sync()
        let user = try setup.laptop("user", principal: "user")
        try user.sync()
        try user.replica.write { try $0.delete(from: "notes", id: "n") }
        try user.sync()
        let row = try #require(try user.replica.rows(of: "notes").first)
        #expect(row["rank"] == .integer(3))
        #expect(try user.replica.contentDigest() == setup.daemon.contentDigest())
    }

    @Test func stampFromAClockAYearAheadDoesNotWin() throws {
        let setup = try Setup()
        let aheadClock = ManualClock(setup.daemonClock.now + 365 * 24 * 3_600_000)
        let ahead = try setup.laptop("ahead", principal: "a", clock: aheadClock)
        let correct = try setup.laptop("correct", principal: "b")
        try ahead.replica.write { try $0.insert(into: "notes", id: "n", values: ["title": .text("from the future")]) }
        try ahead.sync()
        try correct.sync()
        setup.daemonClock.now += 10_000
        try correct.replica.write { try $0.update("notes", id: "n", values: ["title": .text("correct and later")]) }
        try correct.sync()
        try ahead.sync()
        #expect(try setup.daemon.rows(of: "notes").first?["title"] == .text("correct and later"))
        #expect(try ahead.replica.rows(of: "notes").first?["title"] == .text("correct and later"))
        #expect(try ahead.replica.contentDigest() == setup.daemon.contentDigest())
    }

    @Test func replayedBatchGetsTheFirstAnswerAndChangedContentsAreRefused() throws {
        let setup = try Setup()
        let laptop = try setup.laptop("l", principal: "p")
        try laptop.replica.write { try $0.insert(into: "tags", id: "t", values: ["name": .text("a")]) }
        let request = try #require(try laptop.replica.nextBatch(limit: 10))
        let first = try setup.server.push(request, principal: "p")
        let sequence = try setup.daemon.read { try Int64.fetchOne($0, sql: "SELECT seq FROM crdt_replica") }
        #expect(try setup.server.push(request, principal: "p") == first)
        #expect(try setup.daemon.read { try Int64.fetchOne($0, sql: "SELECT seq FROM crdt_replica") } == sequence)
        var altered = request
        altered.changes = ChangeSet([])
        #expect(throws: SyncError.batchReused(request.batch)) { try setup.server.push(altered, principal: "p") }
    }

    @Test func aReplicaBelongsToItsFirstAccount() throws {
        let setup = try Setup()
        let laptop = try setup.laptop("l", principal: "owner")
        try laptop.replica.write { try $0.insert(into: "tags", id: "t", values: ["name": .text("a")]) }
        try laptop.sync()
        try laptop.replica.write { try $0.update("tags", id: "t", values: ["name": .text("b")]) }
        let request = try #require(try laptop.replica.nextBatch(limit: 10))
        #expect(throws: SyncError.replicaOwnedByAnother(laptop.replica.id)) {
            try setup.server.push(request, principal: "intruder")
        }
    }

    @Test func changesStampedByAnotherReplicaAreRejected() throws {
        let setup = try Setup()
        let sender = ReplicaID()
        let forged = Change(
            table: "tags", rowID: "t", column: nil, value: .null,
            stamp: Stamp(
                causalLength: 1, time: HybridTimestamp(milliseconds: setup.daemonClock.now, counter: 0),
                replica: ReplicaID()))
        let response = try setup.server.push(
            PushRequest(schemaVersion: testSchema.version, replica: sender, batch: "b1", changes: ChangeSet([forged])),
            principal: "p")
        #expect(response.accepted == 0)
        #expect(response.notes.first?.kind == .rejected)
        #expect(try setup.daemon.rows(of: "tags").isEmpty)
    }

    @Test func acceptsThePreviousSchemaVersionButNotOlder() throws {
        let setup = try Setup()
        let request = { (version: Int) in
            PushRequest(schemaVersion: version, replica: ReplicaID(), batch: UUID().uuidString, changes: .empty)
        }
        _ = try setup.server.push(request(testSchema.version - 1), principal: "p")
        #expect(throws: SyncError.unsupportedSchema(sent: 1, accepted: [3, 2])) {
            try setup.server.push(request(1), principal: "p")
        }
    }

    @Test func pullIsPagedAndRefusesACursorFromTheFuture() throws {
        let setup = try Setup()
        let laptop = try setup.laptop("l", principal: "p")
        try laptop.replica.write { write in
            for index in 0..<25 { try write.insert(into: "tags", id: "t\(index)", values: ["name": .text("\(index)")]) }
        }
        try laptop.sync()
        let first = try setup.server.pull(after: 0, limit: 20, principal: "p")
        #expect(first.changes.count == 20 && first.hasMore)
        let second = try setup.server.pull(after: first.cursor, limit: 100, principal: "p")
        #expect(second.changes.count == 30 && !second.hasMore)
        #expect(throws: SyncError.self) { try setup.server.pull(after: 1_000_000, limit: 20, principal: "p") }
    }
}
