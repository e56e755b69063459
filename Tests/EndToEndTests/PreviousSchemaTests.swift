import Foundation
import Sync
import Testing

@testable import EventsCore

/// A laptop on the previous schema version still syncs with the daemon and never receives what was added since;
/// once upgraded, its next pull starts over and brings what was held back.
@Suite(.serialized) struct PreviousSchemaTests {
    typealias World = IntegrityTests.World

    @Test func aLaptopOnThePreviousSchemaSyncsAndReceivesWhatWasHeldBackOnceUpgraded() throws {
        let world = try World()
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let token = world.tokens["organizer@example.org"]!
        func addDocument(_ title: String) throws -> Int {
            let body = #"{"sessionID":"\#(world.closed)","title":"\#(title)","url":"https://example.org/\#(title)"}"#
            return try HostileInputTests.request("\(daemon.url)/v1/documents", token: token, body: Data(body.utf8))
                .status
        }
        #expect(try addDocument("issues-paper") == 201)

        let path = try temporaryFolder().appendingPathComponent("laptop.sqlite").path
        let previous = try Replica(path: path, schema: EventsSchema.replicated.asOf(version: EventsSchema.version - 1))
        try previous.write {
            try $0.insert(
                into: "organizations", id: "org-previous",
                values: ["name": .text("Written on the previous schema"), "kind": .text("company")])
        }
        let report = try SyncClient(replica: previous, transport: try CurlTransport(baseURL: daemon.url, token: token))
            .sync()
        #expect(report.refused == 0)
        #expect(try previous.clientStatus().pendingChanges == 0)
        #expect(try previous.rows(of: "sessions").count == 3)
        let added = EventsSchema.replicated.tables.filter { $0.since == EventsSchema.version }.map(\.name)
        #expect(added.contains("documents"))
        for table in added { #expect(try previous.read { try $0.tableExists(table) } == false, "\(table)") }
        #expect(
            try CraftedPushOverHTTPTests.get("\(daemon.url)/v1/organizations/org-previous", token: token).status == 200)

        #expect(try addDocument("background-note") == 201)
        let upgraded = try Replica(path: path, schema: EventsSchema.replicated)
        _ = try SyncClient(replica: upgraded, transport: try CurlTransport(baseURL: daemon.url, token: token)).sync()
        let titles = try upgraded.rows(of: "documents").compactMap { $0["title"] }
        #expect(
            Set(titles) == [.text("issues-paper"), .text("background-note")],
            "the upgraded laptop pulls what was held back from it")
    }
}
