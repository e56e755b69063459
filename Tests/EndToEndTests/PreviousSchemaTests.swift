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
        let store = try EventsStore.open(path: world.database.path, migrations: AccountStore.registerMigrations)
        try store.addOrganization(
            name: "Office of the UN High Commissioner for Refugees", kind: "international-organization")
        try store.addObserver(eventSlug: "gms", organization: "Office of the UN High Commissioner for Refugees")
        try store.addDocument(sessionID: world.closed, title: "Issues paper", url: "https://example.org/issues")
        try store.addOrganization(name: "Kingdom of Belgium", kind: "government")
        try store.setHost(eventSlug: "gms", host: "Kingdom of Belgium", nextHost: nil)
        try store.addBody(name: "Steering Group", series: "GMS")
        try store.addBodyMember(body: "Steering Group", organization: "Kingdom of Belgium", from: "2007-01-01")
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let token = world.tokens["organizer@example.org"]!

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
        #expect(try previous.read { try $0.columns(in: "events").map(\.name) }.contains("host_id") == false)
        #expect(try previous.rows(of: "documents").count == 1, "what the previous schema knows arrives")
        let added = EventsSchema.replicated.tables.filter { $0.since == EventsSchema.version }.map(\.name)
        #expect(added == ["bodies", "body_members"])
        for table in added { #expect(try previous.read { try $0.tableExists(table) } == false, "\(table)") }
        #expect(
            try CraftedPushOverHTTPTests.get("\(daemon.url)/v1/organizations/org-previous", token: token).status == 200)

        let upgraded = try Replica(path: path, schema: EventsSchema.replicated)
        _ = try SyncClient(replica: upgraded, transport: try CurlTransport(baseURL: daemon.url, token: token)).sync()
        #expect(
            try upgraded.rows(of: "body_members").count == 1, "the upgraded laptop pulls what was held back from it")
        let host = try upgraded.read {
            try String.fetchOne($0, sql: "SELECT host_id FROM events WHERE slug = 'gms'")
        }
        #expect(host == RowID.organization(name: "Kingdom of Belgium"), "and the columns added since")
    }
}
