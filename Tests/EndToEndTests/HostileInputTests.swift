import EventsCore
import Foundation
import Sync
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Hostile HTTP input against the real daemon: every request gets a 4xx problem and the daemon keeps serving.
@Suite(.serialized) struct HostileInputTests {
    static func request(
        _ url: String, method: String = "POST", token: String?, body: Data? = nil,
        contentType: String? = "application/json"
    ) throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = body
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, Data)?
        nonisolated(unsafe) var failure: (any Error)?
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error { failure = error }
            result = ((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data())
            done.signal()
        }.resume()
        done.wait()
        if let failure { throw failure }
        return result!
    }

    /// Sends raw bytes on a fresh TCP connection and closes it without reading: a body shorter than announced.
    static func sendRaw(_ bytes: String, port: Int) {
        ConnectionGuardTests.Connection(port: port).send(bytes)
    }

    static func pushBody(schema: Int = EventsSchema.version, replica: ReplicaID, batch: String, title: String) throws
        -> Data
    {
        let stamp = Stamp(
            causalLength: 1,
            time: HybridTimestamp(milliseconds: Int64(Date().timeIntervalSince1970 * 1000), counter: 0),
            replica: replica)
        let changes = ChangeSet([
            Change(table: "organizations", rowID: "org-hostile", column: nil, value: .null, stamp: stamp),
            Change(table: "organizations", rowID: "org-hostile", column: "name", value: .text(title), stamp: stamp),
        ])
        return try JSONEncoder().encode(
            PushRequest(schemaVersion: schema, replica: replica, batch: batch, changes: changes))
    }

    @Test func everyHostileRequestGetsAProblemAndTheDaemonKeepsServing() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "admin@example.org", name: "Admin", admin: true)
        let other = try createUser(database: database, email: "other@example.org", name: "Other", admin: true)
        let daemon = try Daemon(database: database, seed: nil)
        defer { daemon.stop() }
        let push = "\(daemon.url)/v1/sync/push"
        let replica = ReplicaID()
        let valid = try Self.pushBody(replica: replica, batch: "b1", title: "First")

        var cases: [(String, (status: Int, body: Data), Int)] = []
        cases.append(("truncated JSON", try Self.request(push, token: token, body: valid.prefix(valid.count / 2)), 400))
        cases.append(
            (
                "invalid UTF-8",
                try Self.request(push, token: token, body: Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D])), 400
            ))
        let nested = Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        cases.append(("deeply nested", try Self.request(push, token: token, body: nested), 400))
        cases.append(("oversized", try Self.request(push, token: token, body: Data(count: 17 * 1024 * 1024)), 413))
        cases.append(
            ("wrong content type", try Self.request(push, token: token, body: valid, contentType: "text/plain"), 415))
        cases.append(
            (
                "unknown schema",
                try Self.request(
                    push, token: token, body: try Self.pushBody(schema: 99, replica: replica, batch: "b2", title: "x")),
                400
            ))
        cases.append(("no token", try Self.request(push, token: nil, body: valid), 401))
        #expect(try Self.request(push, token: token, body: valid).status == 200)
        cases.append(
            (
                "batch id reused",
                try Self.request(
                    push, token: token, body: try Self.pushBody(replica: replica, batch: "b1", title: "Other")), 409
            ))
        cases.append(
            (
                "forged replica",
                try Self.request(
                    push, token: other, body: try Self.pushBody(replica: replica, batch: "b3", title: "x")), 403
            ))
        for cursor in ["99999999999", "-1", "abc", "1e400"] {
            cases.append(
                (
                    "cursor \(cursor)",
                    try Self.request("\(daemon.url)/v1/sync/pull?after=\(cursor)", method: "GET", token: token), 400
                ))
        }
        cases.append(
            (
                "limit 0", try Self.request("\(daemon.url)/v1/sync/pull?after=0&limit=0", method: "GET", token: token),
                400
            ))
        Self.sendRaw(
            "POST /v1/sync/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nContent-Length: 5000\r\n\r\n{\"schemaV",
            port: daemon.port)
        Self.sendRaw("GARBAGE\r\n\r\n\u{0}\u{1}\u{2}", port: daemon.port)
        for (name, response, expected) in cases {
            #expect(response.status == expected, "\(name): \(String(decoding: response.body, as: UTF8.self))")
            if expected != 413 {
                let problem = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
                #expect(problem?["type"] != nil && problem?["detail"] != nil, "\(name) answers a problem body")
            }
        }
        #expect(try Self.request("\(daemon.url)/healthz", method: "GET", token: nil).status == 200)
        #expect(daemon.process.isRunning)
    }
}
