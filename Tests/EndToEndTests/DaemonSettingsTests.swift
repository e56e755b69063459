import Foundation
import Sync
import Testing

/// `eventsd serve` reads its settings from flags, else `EVENTSD_*` variables, and refuses bad ones in one line;
/// with `--log-format json` every log line is a JSON object carrying the request id the response names.
@Suite struct DaemonSettingsTests {
    @Test func badSettingsAreRefusedInOneLine() throws {
        let folder = try temporaryFolder()
        let cases: [([String], [String: String], String)] = [
            (["serve"], [:], "--db or EVENTSD_DB"),
            (
                ["serve"],
                ["EVENTSD_DB": folder.appendingPathComponent("a.sqlite").path, "EVENTSD_DURABILITY": "sometimes"],
                "full or normal"
            ),
            (
                ["serve", "--db", folder.appendingPathComponent("b.sqlite").path], ["EVENTSD_PORT": "eighty"],
                "EVENTSD_PORT='eighty'"
            ),
            (
                ["serve", "--db", folder.appendingPathComponent("c.sqlite").path, "--log-format", "xml"], [:],
                "text or json"
            ),
            (
                ["serve", "--db", folder.appendingPathComponent("d.sqlite").path, "--header-timeout", "0"], [:],
                "timeouts must be positive"
            ),
            (
                ["serve", "--db", folder.appendingPathComponent("e.sqlite").path, "--tombstone-horizon-days", "0"], [:],
                "horizon must be a positive"
            ),
        ]
        for (arguments, environment, message) in cases {
            let outcome = try run(
                Binaries.eventsd, arguments, environment: environment.merging(["EVENTSD_DB": ""]) { mine, _ in mine })
            #expect(outcome.status != 0)
            #expect(outcome.stderr.contains(message), "\(arguments) \(environment): \(outcome.stderr)")
            #expect(outcome.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test func environmentConfiguresTheDaemonAndFlagsWin() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "liza.reyes@example.org", name: "Liza Reyes", admin: true)
        let daemon = try Daemon(
            database: database, seed: nil,
            environment: [
                "EVENTSD_PORT": "1", "EVENTSD_LOG_FORMAT": "json", "EVENTSD_MAX_BODY_BYTES": "2000",
                "EVENTSD_LOG_LEVEL": "info",
            ])
        defer { daemon.stop() }
        #expect(daemon.port != 1, "--port 0 given as a flag wins over EVENTSD_PORT")
        let api = try CurlTransport(baseURL: daemon.url, token: token)
        #expect(throws: SyncError.server(status: 413, detail: "The request body is larger than the daemon accepts.")) {
            try api.perform(
                path: "/v1/organizations",
                body: Data("{\"name\":\"\(String(repeating: "x", count: 3000))\",\"kind\":\"city\"}".utf8))
        }
        _ = try api.perform(path: "/v1/me", body: nil)
        let records = try String(contentsOf: daemon.logFile, encoding: .utf8).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
        }
        let handled = records.filter { $0["message"] as? String == "Request handled" }
        #expect(handled.map { $0["http.status"] as? String } == ["413", "200"])
        #expect(
            handled.allSatisfy {
                ($0["request.id"] as? String)?.isEmpty == false && $0["time"] is String
                    && $0["level"] as? String == "info"
            })
        #expect(Set(handled.compactMap { $0["request.id"] as? String }).count == 2)
    }

    /// Sync names no application: the terminal tool adds the command to run.
    @Test func aRefusedTokenTellsTheTerminalUserHowToLogInAgain() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "ana@example.org", name: "Ana", admin: true)
        let daemon = try Daemon(database: database, seed: nil)
        defer { daemon.stop() }
        let laptop = try Laptop.signedIn("home", in: folder, daemon: daemon, token: token)
        let config = laptop.home.appendingPathComponent("config.json")
        let text = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: token, with: "not-a-token")
        try text.write(to: config, atomically: true, encoding: .utf8)
        let refused = try laptop.run("sync")
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains("refused the credentials")
                && refused.stderr.contains("Log in again with 'eventsctl login'."), "\(refused.stderr)")
        #expect(!SyncError.unauthorized("x").description.contains("eventsctl"))
    }
}
