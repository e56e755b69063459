import Foundation
import GRDB
import TestHelpers
import Testing

@testable import Sync

/// Merge is a join: commutative, associative and idempotent, over states that random offline edits produce.
@Suite struct MergeTests {
    /// Three replicas edit the same few rows offline; each returns its whole state as changes.
    static func divergentStates(seed: UInt64, folder: URL) throws -> [[Change]] {
        var random = SeededGenerator(seed: seed)
        let clock = ManualClock()
        let sources = try (0..<3).map { try makeReplica(in: folder, name: "source-\($0)", clock: clock) }
        for _ in 0..<40 {
            clock.now += Int64.random(in: -5...20, using: &random)
            let replica = sources.randomElement(using: &random)!
            try RandomEdit.apply(to: replica, using: &random)
        }
        return try sources.map { source in
            try source.read { try source.changes(in: $0, after: 0, limit: 100_000).changes }
        }
    }

    static func merged(_ parts: [[Change]], in folder: URL, name: String) throws -> Replica {
        let replica = try makeReplica(in: folder, name: name)
        for part in parts { try replica.merge(part) }
        return replica
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func isCommutative(seed: UInt64) throws {
        let folder = try temporaryFolder()
        let states = try Self.divergentStates(seed: seed, folder: folder)
        let forward = try Self.merged([states[0], states[1], states[2]], in: folder, name: "forward")
        let backward = try Self.merged([states[2], states[1], states[0]], in: folder, name: "backward")
        var random = SeededGenerator(seed: seed)
        let shuffled = try Self.merged(
            [(states[0] + states[1] + states[2]).shuffled(using: &random)], in: folder, name: "shuffled")
        #expect(try forward.contentDigest() == backward.contentDigest())
        #expect(try forward.contentDigest() == shuffled.contentDigest())
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func isAssociative(seed: UInt64) throws {
        let folder = try temporaryFolder()
        let states = try Self.divergentStates(seed: seed, folder: folder)
        let ab = try Self.merged([states[0], states[1]], in: folder, name: "ab")
        let abState = try ab.read { try ab.changes(in: $0, after: 0, limit: 100_000).changes }
        let abThenC = try Self.merged([abState, states[2]], in: folder, name: "ab-c")
        let bc = try Self.merged([states[1], states[2]], in: folder, name: "bc")
        let bcState = try bc.read { try bc.changes(in: $0, after: 0, limit: 100_000).changes }
        let aThenBC = try Self.merged([states[0], bcState], in: folder, name: "a-bc")
        #expect(try abThenC.contentDigest() == aThenBC.contentDigest())
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func isIdempotent(seed: UInt64) throws {
        let folder = try temporaryFolder()
        let states = try Self.divergentStates(seed: seed, folder: folder)
        let replica = try Self.merged([states[0], states[1]], in: folder, name: "once")
        let digest = try replica.contentDigest()
        #expect(try replica.merge(states[0]) == 0)
        #expect(try replica.merge(states[1]) == 0)
        #expect(try replica.contentDigest() == digest)
    }

    @Test func laterWriteWinsAndTiesBreakByReplica() throws {
        let folder = try temporaryFolder()
        let replica = try makeReplica(in: folder, name: "r")
        let low = ReplicaID(hex: "00000000000000000000000000000001")!
        let high = ReplicaID(hex: "ff000000000000000000000000000000")!
        let time = HybridTimestamp(milliseconds: 1_000, counter: 0)
        func title(_ text: String, _ replica: ReplicaID, _ time: HybridTimestamp) -> Change {
            Change(
                table: "notes", rowID: "n", column: "title", value: .text(text),
                stamp: Stamp(causalLength: 1, time: time, replica: replica))
        }
        try replica.merge([title("high", high, time), title("low", low, time)])
        #expect(try replica.rows(of: "notes").first?["title"] == .text("high"))
        try replica.merge([title("later", low, HybridTimestamp(milliseconds: 1_001, counter: 0))])
        #expect(try replica.rows(of: "notes").first?["title"] == .text("later"))
    }

    @Test func deleteBeatsConcurrentEditAndRecreateStartsClean() throws {
        let folder = try temporaryFolder()
        let a = try makeReplica(in: folder, name: "a")
        let b = try makeReplica(in: folder, name: "b")
        try a.write { try $0.insert(into: "notes", id: "n", values: ["title": .text("t"), "body": .text("old body")]) }
        try b.merge(a.read { try a.changes(in: $0, after: 0, limit: 100).changes })
        try b.write { try $0.update("notes", id: "n", values: ["title": .text("edited offline")]) }
        try a.write { try $0.delete(from: "notes", id: "n") }
        let fromA = try a.read { try a.changes(in: $0, after: 0, limit: 100).changes }
        let fromB = try b.read { try b.changes(in: $0, after: 0, limit: 100).changes }
        try a.merge(fromB)
        try b.merge(fromA)
        #expect(try a.rows(of: "notes").isEmpty)
        #expect(try b.rows(of: "notes").isEmpty)
        try b.write { try $0.insert(into: "notes", id: "n", values: ["title": .text("again")]) }
        try a.merge(b.read { try b.changes(in: $0, after: 0, limit: 100).changes })
        let row = try #require(try a.rows(of: "notes").first)
        #expect(row["title"] == .text("again"))
        #expect(row["body"] == .null)
        #expect(try a.contentDigest() == b.contentDigest())
    }
}

/// One random local edit: insert, update or delete in a small id space, so replicas collide often.
enum RandomEdit {
    static let titles = ["Opening", "Roundtable", "locked agenda", "Côte d'Ivoire", "家族", "Panel; with, commas"]

    static func apply(to replica: Replica, using random: inout some RandomNumberGenerator) throws {
        let table = Bool.random(using: &random) ? "notes" : "tags"
        let id = "row-\(Int.random(in: 0..<5, using: &random))"
        let values: [String: SyncValue] =
            table == "notes"
            ? [
                "title": .text(titles.randomElement(using: &random)!),
                "rank": .integer(Int64.random(in: 0..<9, using: &random)),
            ]
            : [
                "name": .text(titles.randomElement(using: &random)!),
                "weight": .real(Double(Int.random(in: 0..<100, using: &random)) / 4),
            ]
        try replica.write { write in
            guard try write.exists(in: table, id: id) else {
                return try write.insert(into: table, id: id, values: values)
            }
            if Int.random(in: 0..<4, using: &random) == 0 {
                try write.delete(from: table, id: id)
            } else {
                try write.update(table, id: id, values: values.filter { _ in Bool.random(using: &random) })
            }
        }
    }
}
