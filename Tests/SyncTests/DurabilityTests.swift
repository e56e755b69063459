import Foundation
import GRDB
import Testing

@testable import Sync

/// The durability asked for is the one the writer commits with: GRDB's WAL set-up chooses `NORMAL` on its own,
/// and must not win over `FULL` (an fsync per commit, surviving a power cut).
@Suite struct DurabilityTests {
    @Test(arguments: Replica.Durability.allCases, [false, true])
    func theWriterCommitsWithTheDurabilityAskedFor(durability: Replica.Durability, groupsCommits: Bool) throws {
        let path = try temporaryFolder().appendingPathComponent("replica.sqlite").path
        let replica = try Replica(
            path: path, schema: testSchema, durability: durability, groupsCommits: groupsCommits)
        let expected: Int = durability == .full ? 2 : 1
        #expect(
            try replica.pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == expected)
        try replica.write { write in try write.insert(into: "notes", id: "one", values: ["rank": .integer(1)]) }
        #expect(
            try replica.pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == expected)
    }
}
