import Foundation
import GRDB
import Sync
import Testing

/// SQLite calls block their thread while a write waits for the database's lock; the daemon keeps answering
/// other requests meanwhile (health checks, reads from the WAL snapshot), and the waiting writes complete once
/// the lock is free. Real eventsd, libcurl; another process-level connection holds the write lock.
@Suite struct BusyDatabaseTests {
    @Test func requestsAreServedWhileWritesWaitForTheDatabase() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "liza.reyes@example.org", name: "Liza Reyes", admin: true)
        let daemon = try Daemon(database: database)
        defer { daemon.stop() }
        let probe = try CurlTransport(baseURL: daemon.url, token: token, timeoutSeconds: 5)
        let page = try #require(
            try JSONSerialization.jsonObject(with: probe.perform(path: "/v1/sessions?event=gfmd-2007", body: nil))
                as? [String: Any])
        let session = try #require((page["items"] as? [[String: Any]])?.first?["id"] as? String)

        var holding = Configuration()
        holding.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: database.path, configuration: holding)
        try holder.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        let writers = 4
        let group = DispatchGroup()
        let failures = Failures()
        let url = daemon.url
        for index in 0..<writers {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let api = try CurlTransport(baseURL: url, token: token, timeoutSeconds: 60)
                    _ = try api.perform(
                        path: "/v1/sessions/\(session)", body: Data("{\"title\":\"Waiting \(index)\"}".utf8),
                        method: "PATCH")
                } catch {
                    failures.add("writer \(index): \(error)")
                }
            }.start()
        }
        var waiting = 0.0
        for _ in 0..<10_000 where waiting < Double(writers) {
            let metrics = String(decoding: try probe.perform(path: "/metrics", body: nil), as: UTF8.self)
            waiting =
                metrics.split(separator: "\n").first {
                    $0.hasPrefix(#"http_server_active_requests{http_request_method="PATCH"}"#)
                }
                .flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
        }
        #expect(waiting == Double(writers), "all writers are inside the daemon, waiting for the lock")
        let health = try probe.perform(path: "/healthz", body: nil)
        #expect(String(decoding: health, as: UTF8.self).contains("ok"))
        let read = try probe.perform(path: "/v1/sessions/\(session)", body: nil)
        #expect(!String(decoding: read, as: UTF8.self).contains("Waiting"), "a read sees the last committed state")
        try holder.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        group.wait()
        #expect(failures.all.isEmpty, "\(failures.all)")
        let after = String(decoding: try probe.perform(path: "/v1/sessions/\(session)", body: nil), as: UTF8.self)
        #expect(after.contains("Waiting"), "the waiting writes landed once the lock was free")
    }
}
