import Foundation
import Sync
import Testing

@testable import EventsCore

/// A waitlisted answer holds its place in the queue as a replicated field of its own (schema 3), which the
/// daemon alone writes and renumbers; it is told in the reason's words too, as laptops on schema 2 read it.
@Suite(.serialized) struct WaitlistPositionTests {
    typealias World = IntegrityTests.World

    static func position(_ url: String, _ id: String, token: String) throws -> Int? {
        try CraftedPushOverHTTPTests.get("\(url)/v1/rsvps/\(id)", token: token).body["waitlistPosition"] as? Int
    }

    /// The RSVP row as a laptop's replica holds it.
    static func row(_ replica: Replica, _ id: String) throws -> [String: SyncValue]? {
        try replica.rows(of: "rsvps").first { $0["id"] == .text(id) }
    }

    @Test func theQueueIsNumberedAndALaptopOnThePreviousSchemaStillSyncs() throws {
        let world = try World()
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let organizer = world.tokens["organizer@example.org"]!
        let (first, second, third) = (World.attendees[0], World.attendees[1], World.attendees[2])
        for email in [first, second, third] {
            #expect(
                try IntegrityTests.answer(daemon.url, world.oneSeat, token: world.tokens[email]!, "accepted") == 200)
        }
        let (secondID, thirdID) = (World.rsvp(world.oneSeat, second), World.rsvp(world.oneSeat, third))
        #expect(
            try Self.position(daemon.url, World.rsvp(world.oneSeat, first), token: organizer) == nil,
            "confirmed: no place in the queue")
        #expect(try Self.position(daemon.url, secondID, token: organizer) == 1)
        #expect(try Self.position(daemon.url, thirdID, token: organizer) == 2)

        let folder = try temporaryFolder()
        let previous = try Replica(
            path: folder.appendingPathComponent("previous.sqlite").path,
            schema: EventsSchema.replicated.asOf(version: EventsSchema.version - 1))
        let current = try Replica(
            path: folder.appendingPathComponent("current.sqlite").path, schema: EventsSchema.replicated)
        func syncBoth() throws {
            for replica in [previous, current] {
                let report = try SyncClient(
                    replica: replica, transport: try CurlTransport(baseURL: daemon.url, token: world.tokens[third]!)
                ).sync()
                #expect(report.refused == 0)
                #expect(try replica.clientStatus().pendingChanges == 0)
            }
        }
        try syncBoth()
        #expect(try Self.row(previous, thirdID)?["decision_reason"] == .text("full: position 2 on the waiting list"))
        #expect(try Self.row(previous, thirdID)?["waitlist_position"] == .integer(2))
        #expect(try Self.row(current, thirdID)?["waitlist_position"] == .integer(2))

        #expect(try IntegrityTests.answer(daemon.url, world.oneSeat, token: world.tokens[first]!, "declined") == 200)
        #expect(try Self.position(daemon.url, secondID, token: organizer) == nil, "promoted: the place is cleared")
        #expect(try Self.position(daemon.url, thirdID, token: organizer) == 1, "the queue moves up")
        try syncBoth()
        #expect(try Self.row(previous, thirdID)?["decision_reason"] == .text("full: position 1 on the waiting list"))
        #expect(try Self.row(current, thirdID)?["waitlist_position"] == .integer(1))
    }

    @Test func aPushedPlaceInTheQueueIsRefused() throws {
        let world = try World()
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let (first, second) = (World.attendees[0], World.attendees[1])
        for email in [first, second] {
            #expect(
                try IntegrityTests.answer(daemon.url, world.oneSeat, token: world.tokens[email]!, "accepted") == 200)
        }
        let secondID = World.rsvp(world.oneSeat, second)
        let pushed = try CraftedPushOverHTTPTests.push(
            daemon.url, token: world.tokens[second]!, [("rsvps", secondID, "waitlist_position", .integer(5), 0)],
            ahead: 60_000)
        #expect(pushed.accepted == 0)
        #expect(try Self.position(daemon.url, secondID, token: world.tokens["organizer@example.org"]!) == 1)
    }

    /// Answers waitlisted before the column existed get their place when the daemon starts.
    @Test func waitlistsDecidedBeforeTheUpgradeAreNumberedAtStart() throws {
        let world = try World()
        var daemon = try Daemon(database: world.database, seed: nil)
        for email in World.attendees {
            #expect(
                try IntegrityTests.answer(daemon.url, world.oneSeat, token: world.tokens[email]!, "accepted") == 200)
        }
        daemon.stop()
        let waiting = World.attendees.dropFirst().map { World.rsvp(world.oneSeat, $0) }
        let store = try EventsStore.open(path: world.database.path, migrations: AccountStore.registerMigrations)
        #expect(Set(try waiting.map { try store.rsvp(id: $0).waitlistPosition }) == [1, 2])
        try store.replica.writeLocalTables { db in try db.execute(sql: "UPDATE rsvps SET waitlist_position = NULL") }
        #expect(
            try waiting.allSatisfy { try store.rsvp(id: $0).waitlistPosition == nil },
            "as a daemon before the upgrade left them")

        daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let organizer = world.tokens["organizer@example.org"]!
        #expect(try waiting.map { try Self.position(daemon.url, $0, token: organizer) } == [1, 2])
    }
}
