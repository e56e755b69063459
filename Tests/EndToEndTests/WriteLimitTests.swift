import EventsCore
import Foundation
import Sync
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One push never holds the writer for long (at most 5,000 changes, else 413), and each account's writes have a
/// budget (429 with `Retry-After`); reads are never held back, and a laptop told to wait keeps its queue.
@Suite(.serialized) struct WriteLimitTests {
    static func post(_ url: String, token: String, body: Data) throws -> (status: Int, retryAfter: String?, body: Data)
    {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, String?, Data) = (0, nil, Data())
        URLSession.shared.dataTask(with: request) { data, response, _ in
            let http = response as? HTTPURLResponse
            result = (http?.statusCode ?? 0, http?.value(forHTTPHeaderField: "Retry-After"), data ?? Data())
            done.signal()
        }.resume()
        done.wait()
        return result
    }

    @Test func aPushOfMoreThanAPageIsRefusedWithItsOwnProblem() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "admin@example.org", name: "Admin", admin: true)
        let daemon = try Daemon(database: database, seed: nil)
        defer { daemon.stop() }
        let replica = ReplicaID()
        let stamp = Stamp(
            causalLength: 1, time: HybridTimestamp(milliseconds: Replica.wallClock(), counter: 0), replica: replica)
        let changes = (0...5_000).map {
            Change(table: "organizations", rowID: "org-\($0)", column: nil, value: .null, stamp: stamp)
        }
        let body = try JSONEncoder().encode(
            PushRequest(
                schemaVersion: EventsSchema.version, replica: replica, batch: "big", changes: ChangeSet(changes)))
        let reply = try Self.post("\(daemon.url)/v1/sync/push", token: token, body: body)
        #expect(reply.status == 413)
        let problem = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any]
        #expect(problem?["type"] as? String == "/problems/too-many-changes")
        let page = try JSONEncoder().encode(
            PushRequest(
                schemaVersion: EventsSchema.version, replica: replica, batch: "page",
                changes: ChangeSet(Array(changes.prefix(5_000)))))
        #expect(try Self.post("\(daemon.url)/v1/sync/push", token: token, body: page).status == 200)
    }

    @Test func writesBeyondTheBudgetWaitAndTheLaptopKeepsItsQueue() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "admin@example.org", name: "Admin", admin: true)
        let daemon = try Daemon(database: database, environment: ["EVENTSD_WRITE_BUDGET": "4"])
        defer { daemon.stop() }
        let laptop = try Laptop.signedIn("laptop", in: folder, daemon: daemon, token: token)
        var statuses: [Int] = []
        var retryAfter: String?
        for index in 0..<6 {
            let reply = try Self.post(
                "\(daemon.url)/v1/organizations", token: token,
                body: Data(#"{"name": "City \#(index)", "kind": "city"}"#.utf8))
            statuses.append(reply.status)
            if reply.status == 429 { retryAfter = reply.retryAfter }
        }
        #expect(statuses == [201, 201, 201, 201, 429, 429], "a pull is a read: the sign-in spent nothing")
        #expect(retryAfter.flatMap(Int.init).map { $0 >= 1 } == true)
        #expect(
            try HostileInputTests.request("\(daemon.url)/v1/me", method: "GET", token: token).status == 200,
            "reads are not counted")

        _ = try laptop.ok("orgs", "add", "--name", "Queued city", "--kind", "city")
        let sync = try laptop.run("sync")
        #expect(sync.status != 0)
        #expect(sync.stderr.contains("run sync again in"), "\(sync.stderr)")
        #expect(sync.stderr.split(separator: "\n").count == 1)
        let status = try laptop.ok("status")
        #expect(status.contains("Pending changes:") && !status.contains("Pending changes:  0"), "\(status)")
    }
}
