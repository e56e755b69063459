import Foundation
import Testing

/// The real binaries on loopback: two laptops, a daemon that goes away and comes back, and a `kill -9`.
@Suite(.serialized) struct OfflineRoundTripTests {
    struct SessionRow: Decodable, Equatable {
        var id: String
        var title: String
        var startsAt: String
        var endsAt: String
        var room: String?
    }

    static func agenda(_ laptop: Laptop, event: String) throws -> [SessionRow] {
        try JSONDecoder().decode(
            [SessionRow].self, from: Data(laptop.ok("sessions", "list", "--event", event, "--json").utf8))
    }

    @Test func offlineEditsRoundTripThroughTheDaemon() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let tokenA = try createUser(database: database, email: "ana@example.org", name: "Ana", admin: true)
        let tokenB = try createUser(database: database, email: "bo@example.org", name: "Bo")
        try grant(database: database, email: "bo@example.org", event: "gms-2017", role: "organizer", seed: true)
        var daemon = try Daemon(database: database)
        let port = daemon.port
        let a = try Laptop.signedIn("a", in: folder, daemon: daemon, token: tokenA)
        let b = try Laptop.signedIn("b", in: folder, daemon: daemon, token: tokenB)
        #expect(daemon.stop() == 0, "eventsd should exit cleanly on SIGTERM")

        let added = try a.ok(
            "sessions", "add", "--event", "gms-2017", "--title", "Side event: data on newcomers",
            "--start", "2017-09-18T16:00", "--end", "2017-09-18T17:00", "--room", "Room D"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        let failed = try a.run("sync")
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("Cannot reach the daemon"))
        #expect(failed.stderr.split(separator: "\n").count == 1)
        #expect(try a.ok("status", "--json").contains("\"pendingChanges\" : 8"))

        daemon = try Daemon(database: database, port: port)
        _ = try a.ok("sync")
        #expect(try a.ok("status", "--json").contains("\"pendingChanges\" : 0"))
        _ = try b.ok("sync")
        #expect(try Self.agenda(b, event: "gms-2017").contains { $0.id == added })
        _ = try b.ok("sessions", "edit", added, "--title", "Side event: city data on newcomers")
        let lunch = try #require(try Self.agenda(a, event: "gms-2017").first { $0.title == "Lunch" })
        _ = try a.ok("sessions", "delete", lunch.id)
        _ = try b.ok("sync")
        _ = try a.ok("sync")
        _ = try b.ok("sync")
        let agendaA = try Self.agenda(a, event: "gms-2017")
        #expect(agendaA == (try Self.agenda(b, event: "gms-2017")))
        #expect(agendaA.contains { $0.id == added && $0.title == "Side event: city data on newcomers" })
        #expect(!agendaA.contains { $0.id == lunch.id })
        daemon.stop()
    }

    @Test func anAcknowledgedPushSurvivesKillNine() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "ana@example.org", name: "Ana", admin: true)
        var daemon = try Daemon(database: database)
        let port = daemon.port
        let a = try Laptop.signedIn("a", in: folder, daemon: daemon, token: token)
        let added = try a.ok(
            "sessions", "add", "--event", "gfmd-2007", "--title", "Side event: diaspora investment",
            "--start", "2007-07-10T18:00", "--end", "2007-07-10T19:00"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try a.ok("sync")
        daemon.kill9()

        daemon = try Daemon(database: database, port: port, seed: nil)
        let fresh = try Laptop.signedIn("fresh", in: folder, daemon: daemon, token: token)
        #expect(try Self.agenda(fresh, event: "gfmd-2007").contains { $0.id == added })
        daemon.stop()
    }
}
