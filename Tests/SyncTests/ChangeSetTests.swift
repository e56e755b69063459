import Foundation
import Testing

@testable import Sync

/// The wire form: a lossless round trip, short entries for fields that share their row's stamp, and clear
/// refusals of sets that do not add up.
@Suite struct ChangeSetTests {
    static func changes() -> [Change] {
        let a = ReplicaID()
        let b = ReplicaID()
        let first = Stamp(
            causalLength: 1, time: HybridTimestamp(milliseconds: 1_700_000_000_000, counter: 0), replica: a)
        let later = Stamp(
            causalLength: 1, time: HybridTimestamp(milliseconds: 1_700_000_000_500, counter: 3), replica: b)
        return [
            Change(table: "notes", rowID: "n1", column: nil, value: .null, stamp: first),
            Change(table: "notes", rowID: "n1", column: "title", value: .text("Opening, \"plenary\""), stamp: first),
            Change(table: "notes", rowID: "n1", column: "rank", value: .integer(-3), stamp: first),
            Change(table: "notes", rowID: "n1", column: "body", value: .null, stamp: later),
            Change(table: "tags", rowID: "t1", column: "weight", value: .real(1.0), stamp: later),
            Change(table: "tags", rowID: "t1", column: "name", value: .blob(Data([0, 1, 2])), stamp: later),
            Change(
                table: "notes", rowID: "n2", column: nil, value: .null,
                stamp: Stamp(causalLength: 2, time: later.time, replica: a)),
        ]
    }

    @Test func roundTripsThroughJSONWithShortEntries() throws {
        let original = Self.changes()
        let data = try JSONEncoder().encode(ChangeSet(original))
        let decoded = try JSONDecoder().decode(ChangeSet.self, from: data).changes()
        #expect(Set(decoded) == Set(original))
        #expect(decoded.count == original.count)
        let text = String(decoding: data, as: UTF8.self)
        #expect(
            text.contains("[0,\"Opening, \\\"plenary\\\"\"]"), "a field with its row's stamp is written short: \(text)")
        #expect(text.contains("{\"f\":1}"), "a real stays a real")
    }

    @Test func refusesSetsThatDoNotAddUp() throws {
        for bad in [
            #"{"replicas":[],"base":0,"tables":[{"name":"notes","columns":[],"rows":[{"id":"n","c":[[-1,1,0,0]]}]}]}"#,
            #"{"replicas":["00000000000000000000000000000001"],"base":0,"tables":[{"name":"notes","columns":[],"rows":[{"id":"n","c":[[3,1,0,0,"x"]]}]}]}"#,
            #"{"replicas":["00000000000000000000000000000001"],"base":0,"tables":[{"name":"notes","columns":[],"rows":[{"id":"n","c":[[-1,1099511627777,0,0]]}]}]}"#,
            #"{"replicas":["00000000000000000000000000000001"],"base":9223372036854775807,"tables":[{"name":"notes","columns":[],"rows":[{"id":"n","c":[[-1,1,5,0]]}]}]}"#,
        ] {
            let set = try JSONDecoder().decode(ChangeSet.self, from: Data(bad.utf8))
            #expect(throws: SyncError.self) { try set.changes() }
        }
        let orphan =
            #"{"replicas":[],"base":0,"tables":[{"name":"notes","columns":["title"],"rows":[{"id":"n","c":[[0,"x"]]}]}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ChangeSet.self, from: Data(orphan.utf8)) }
    }
}
