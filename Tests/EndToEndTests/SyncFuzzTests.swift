import Foundation
import GRDB
import Sync
import TestHelpers
import Testing

@testable import EventsCore

/// A seeded mutation fuzzer over the sync message decoder and the daemon's push path: random bit flips,
/// truncations, splices and numeric extremes of valid batches must give errors, never a crash or a corrupt
/// replica. At least 150 mutations, then more for `SYNC_FUZZ_SECONDS` (default 8 s).
@Suite struct SyncFuzzTests {
    static let extremes = [
        "9223372036854775807", "-9223372036854775808", "1e308", "-1", "0", "null", "\"\"", "[]", "{}", "1099511627776",
    ]

    static func mutate(_ data: Data, using random: inout SeededGenerator) -> Data {
        var bytes = [UInt8](data)
        switch Int.random(in: 0..<5, using: &random) {
        case 0:
            for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8(
                    1 << Int.random(in: 0..<8, using: &random))
            }
        case 1:
            bytes = Array(bytes.prefix(Int.random(in: 0..<max(1, bytes.count), using: &random)))
        case 2:
            let text = String(decoding: bytes, as: UTF8.self)
            let numbers = try! NSRegularExpression(pattern: "-?[0-9]+")
            let matches = numbers.matches(in: text, range: NSRange(text.startIndex..., in: text))
            guard let match = matches.randomElement(using: &random), let range = Range(match.range, in: text) else {
                break
            }
            bytes = Array(text.replacingCharacters(in: range, with: extremes.randomElement(using: &random)!).utf8)
        case 3:
            guard bytes.count > 2 else { break }
            let from = Int.random(in: 0..<bytes.count, using: &random)
            let to = Int.random(in: 0..<bytes.count, using: &random)
            bytes.insert(
                contentsOf: bytes[min(from, to)..<max(from, to)].prefix(64),
                at: Int.random(in: 0..<bytes.count, using: &random))
        default:
            let text = String(decoding: bytes, as: UTF8.self)
            let names = ["\"sessions\"", "\"people\"", "\"rsvps\"", "\"decision\"", "\"event_id\"", "\"nope\"", "\"\""]
            bytes = Array(
                text.replacingOccurrences(
                    of: names.randomElement(using: &random)!, with: names.randomElement(using: &random)!
                ).utf8)
        }
        return Data(bytes)
    }

    @Test func mutatedBatchesNeverCrashTheDecoderOrThePushPath() throws {
        let folder = try temporaryFolder()
        let store = try EventsStore.open(
            path: folder.appendingPathComponent("daemon.sqlite").path, migrations: AccountStore.registerMigrations)
        let account = try AccountStore(replica: store.replica).createAccount(
            email: "fuzz@example.org", name: "Fuzz", isAdmin: false
        ).0
        try SeedLoader(store: store).load(directory: Binaries.seed)
        let server = SyncServer(replica: store.replica, policy: EventsPolicy())
        let laptop = try EventsStore.open(path: folder.appendingPathComponent("laptop.sqlite").path)
        try SeedLoader(store: laptop).load(directory: Binaries.seed)
        let session = try #require(try laptop.sessions(eventSlug: "gms-2017").first)
        try laptop.addPerson(name: "Fuzz", email: "fuzz@example.org")
        try laptop.respond(sessionID: session.id, person: "fuzz@example.org", response: "accepted")
        try laptop.editSession(id: session.id, SessionDraft(title: "Fuzzed"))
        let transport = Capture()
        try? SyncClient(replica: laptop.replica, transport: transport).sync()
        let valid = try #require(transport.pushed.first)
        let deadline = Date().addingTimeInterval(
            Double(ProcessInfo.processInfo.environment["SYNC_FUZZ_SECONDS"] ?? "") ?? 8)
        var random = SeededGenerator(seed: 0xFEED)
        var runs = 0
        var decoded = 0
        // At least `minimumRuns` mutations whatever the machine's load (the same ones every time: the generator
        // is seeded); more while the time budget lasts.
        let minimumRuns = 150
        while runs < minimumRuns || Date() < deadline {
            runs += 1
            let input = Self.mutate(valid, using: &random)
            guard var request = try? JSONDecoder().decode(PushRequest.self, from: input) else { continue }
            decoded += 1
            request.batch = "fuzz-\(runs)"
            _ = try? server.push(request, principal: account.id)
        }
        #expect(decoded > 10, "the fuzzer must reach the push path, not only the decoder")
        let check = try store.replica.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(check == "ok")
    }

    /// Records the first push body instead of sending it.
    final class Capture: SyncTransport {
        var pushed: [Data] = []
        func push(_ request: PushRequest) throws -> PushResponse {
            pushed.append(try JSONEncoder().encode(request))
            throw SyncError.unreachable(url: "capture", reason: "captured")
        }
        func pull(after cursor: Int64, limit: Int, view: String?, horizon: Int64?, schemaVersion: Int) throws
            -> PullResponse
        {
            throw SyncError.unreachable(url: "capture", reason: "captured")
        }
    }
}
