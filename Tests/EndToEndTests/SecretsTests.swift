import Foundation
import Testing

/// Secrets stay with their owner: feed tokens never reach the log, feed URLs come from the configured public URL
/// (never the client's `Host`), and databases, replicas and configs are readable by their owner only.
@Suite(.serialized) struct SecretsTests {
    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func feedTokensStayOutOfTheLogAndFeedURLsIgnoreTheHostHeader() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "ana@example.org", name: "Ana", admin: true)
        let daemon = try Daemon(
            database: database, seed: nil, environment: ["EVENTSD_PUBLIC_URL": "https://events.example.org/"])
        defer { daemon.stop() }
        let link = try HostileInputTests.request("\(daemon.url)/v1/me/feed", token: token, body: nil, contentType: nil)
        #expect(link.status == 201)
        let answer = try #require(try JSONSerialization.jsonObject(with: link.body) as? [String: String])
        let feed = try #require(answer["token"])
        #expect(answer["url"] == "https://events.example.org/v1/feeds/\(feed).ics")
        #expect(
            try HostileInputTests.request("\(daemon.url)/v1/feeds/\(feed).ics", method: "GET", token: nil).status == 200
        )
        #expect(
            try HostileInputTests.request("\(daemon.url)/v1/feeds/\(feed)x.ics", method: "GET", token: nil).status
                == 404)
        let log = try String(contentsOf: daemon.logFile, encoding: .utf8)
        #expect(log.contains("/v1/feeds/[redacted].ics"))
        #expect(!log.contains(feed))
    }

    @Test func aWildcardListenerNeedsAPublicURL() throws {
        let database = try temporaryFolder().appendingPathComponent("eventsd.sqlite")
        let outcome = try run(Binaries.eventsd, ["serve", "--db", database.path, "--host", "0.0.0.0", "--port", "0"])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("--public-url"))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
    }

    @Test func databasesReplicasAndConfigsAreTheOwnersOnly() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        FileManager.default.createFile(atPath: database.path, contents: nil, attributes: [.posixPermissions: 0o644])
        let token = try createUser(database: database, email: "ana@example.org", name: "Ana", admin: true)
        let daemon = try Daemon(database: database, seed: nil)
        defer { daemon.stop() }
        let laptop = try Laptop.signedIn("laptop", in: folder, daemon: daemon, token: token)
        let replica = laptop.home.appendingPathComponent("replica.sqlite").path
        for path in [
            database.path, database.path + "-wal", replica, replica + "-wal",
            laptop.home.appendingPathComponent("config.json").path,
        ]
        where FileManager.default.fileExists(atPath: path) {
            let mode = try Self.mode(path)
            #expect(mode & 0o077 == 0, "\(path) is \(String(mode, radix: 8))")
        }
        #expect(
            FileManager.default.fileExists(atPath: database.path + "-wal"), "the running daemon's WAL was checked too")
    }
}
