import EventsCore
import Foundation
import GRDB
import Sync
import Testing

/// Pushed values are checked against their column's declaration before they are stored: mistyped, oversized
/// and malformed values are refused, hostile text is cleaned, and nothing stored can kill the daemon, before or
/// after a restart. Values stored before the check are listed by `eventsd admin check` and answered as a
/// problem for their row.
@Suite(.serialized) struct PushedValueTests {
    static func json(_ data: Data) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    static func firstSession(_ url: String, token: String) throws -> [String: Any] {
        let page = json(
            try HostileInputTests.request("\(url)/v1/sessions?event=gms-2017&limit=1", method: "GET", token: token).body
        )
        return try #require((page["items"] as? [[String: Any]])?.first)
    }

    static func session(_ id: String, url: String, token: String) throws -> (status: Int, body: [String: Any]) {
        let reply = try HostileInputTests.request("\(url)/v1/sessions/\(id)", method: "GET", token: token)
        return (reply.status, json(reply.body))
    }

    @Test func mistypedOversizedAndHostileValuesNeverReachTheStore() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "admin@example.org", name: "Admin", admin: true)
        var daemon = try Daemon(database: database)
        let session = try Self.firstSession(daemon.url, token: token)
        let id = try #require(session["id"] as? String)
        let replica = ReplicaID()
        let stamp = Stamp(
            causalLength: 1, time: HybridTimestamp(milliseconds: Replica.wallClock(), counter: 0), replica: replica)
        let hostile: [(String, SyncValue)] = [
            ("title", .blob(Data(count: 64))), ("format", .text(String(repeating: "x", count: 100_000))),
            ("starts_at", .text("not a date")), ("capacity", .text("many")), ("invitation_only", .integer(7)),
            ("join_url", .text("javascript:alert(1)")), ("sequence", .real(1.5)),
            ("description", .text("\u{1B}[2J\u{1B}]0;owned\u{07} Cleared\u{9B}31m  ")),
        ]
        let changes = hostile.map { Change(table: "sessions", rowID: id, column: $0.0, value: $0.1, stamp: stamp) }
        let body = try JSONEncoder().encode(
            PushRequest(
                schemaVersion: EventsSchema.version, replica: replica, batch: "hostile", changes: ChangeSet(changes)))
        let reply = try HostileInputTests.request("\(daemon.url)/v1/sync/push", token: token, body: body)
        #expect(reply.status == 200, "\(String(decoding: reply.body, as: UTF8.self))")
        let answer = try JSONDecoder().decode(PushResponse.self, from: reply.body)
        #expect(answer.notes.filter { $0.kind == .rejected }.map(\.index) == Array(0..<7))
        #expect(
            answer.notes.first { $0.index == 2 }?.reason
                == "sessions.starts_at must be an instant in UTC such as 2017-09-18T13:00:00Z.")
        #expect(
            answer.notes.first { $0.index == 7 }?.kind == .restamped,
            "cleaned text is restamped so the laptop adopts it")
        #expect(
            try answer.corrections.changes().contains {
                $0.column == "description" && $0.value == .text("[2J]0;owned Cleared31m")
            })

        for restart in [false, true] {
            if restart {
                daemon.stop()
                daemon = try Daemon(database: database, seed: nil)
            }
            let stored = try Self.session(id, url: daemon.url, token: token)
            #expect(stored.status == 200)
            #expect(stored.body["title"] as? String == session["title"] as? String)
            #expect(stored.body["startsAt"] as? String == session["startsAt"] as? String)
            #expect(stored.body["description"] as? String == "[2J]0;owned Cleared31m")
        }
        let laptop = try Laptop.signedIn("laptop", in: folder, daemon: daemon, token: token)
        #expect(try laptop.ok("sessions", "list", "--event", "gms-2017").contains(session["title"] as? String ?? "?"))
        #expect(try run(Binaries.eventsd, ["admin", "check", "--db", database.path]).status == 0)
        daemon.stop()
    }

    @Test func valuesStoredBeforeTheCheckAreListedAndAnsweredAsAProblem() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "admin@example.org", name: "Admin", admin: true)
        var daemon = try Daemon(database: database)
        let id = try #require(try Self.firstSession(daemon.url, token: token)["id"] as? String)
        daemon.stop()
        let queue = try DatabaseQueue(path: database.path)
        try queue.write { db in
            try db.execute(
                sql: "UPDATE sessions SET capacity = 'many', invitation_only = 'yes' WHERE id = ?", arguments: [id])
        }
        try queue.close()

        let check = try run(Binaries.eventsd, ["admin", "check", "--db", database.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("sessions \(id) capacity: must be an integer"))
        #expect(check.stdout.contains("sessions \(id) invitation_only: must be an integer"))

        daemon = try Daemon(database: database, seed: nil)
        let stored = try Self.session(id, url: daemon.url, token: token)
        #expect(stored.status == 500)
        #expect(stored.body["type"] as? String == "/problems/unreadable-row")
        let calendar = try HostileInputTests.request(
            "\(daemon.url)/v1/events/gms-2017/agenda.ics", method: "GET", token: nil)
        #expect(calendar.status == 500)
        #expect(try HostileInputTests.request("\(daemon.url)/healthz", method: "GET", token: nil).status == 200)
        #expect(daemon.process.isRunning)
        daemon.stop()
    }
}
