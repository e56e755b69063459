import EventsCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Sync
import Testing

@testable import eventsd

/// The routes in process through HummingbirdTesting: status codes and problem bodies.
@Suite struct RouteTests {
    struct Fixture {
        let app: Application<RouterResponder<DaemonRequestContext>>
        let token: String
    }

    static func fixture(maxBodySize: Int = 1_000_000) throws -> Fixture {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("eventsd.sqlite").path
        let replica = try openDaemonReplica(path: path)
        let accounts = AccountStore(replica: replica)
        let (_, token) = try accounts.createAccount(
            email: "ana@example.org", name: "Ana", isAdmin: true)
        let configuration = DaemonConfiguration(databasePath: path, maxBodySize: maxBodySize)
        let services = DaemonServices()
        let router = try buildRouter(
            store: EventsStore(replica: replica), accounts: accounts,
            server: SyncServer(replica: replica, policy: EventsPolicy()),
            configuration: configuration, services: services)
        return Fixture(app: Application(router: router, services: [services.database]), token: token)
    }

    struct ProblemBody: Decodable {
        var type: String
        var status: Int
        var detail: String
    }

    static func problem(_ response: TestResponse) throws -> ProblemBody {
        #expect(response.headers[.contentType] == "application/problem+json")
        return try JSONDecoder().decode(ProblemBody.self, from: Data(buffer: response.body))
    }

    @Test func healthNeedsNoToken() async throws {
        try await Self.fixture().app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    /// A served path asked with a method it is not served with is 405 with the methods it is (RFC 9110); a
    /// path not served at all stays 404, whatever the method.
    @Test func aPathServedWithOtherMethodsIsMethodNotAllowed() async throws {
        try await Self.fixture().app.test(.router) { client in
            for (method, uri, allowed) in [
                (HTTPRequest.Method.trace, "/healthz", "GET"), (.put, "/v1/events", "GET, POST"),
                (.get, "/v1/sessions/abc/rsvp", "POST"), (.post, "/v1/sessions/abc", "DELETE, GET, PATCH"),
            ] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                    #expect(response.headers[.allow] == allowed, "\(method) \(uri)")
                    let problem = try Self.problem(response)
                    #expect(problem.type == "/problems/method-not-allowed")
                }
            }
            try await client.execute(uri: "/v1/nothing", method: .trace) { #expect($0.status == .notFound) }
        }
    }

    @Test func syncRoutesNeedAValidToken() async throws {
        let fixture = try Self.fixture()
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/v1/sync/pull?after=0", method: .get) { response in
                #expect(response.status == .unauthorized)
                let problem = try Self.problem(response)
                #expect(problem.type == "/problems/unauthorized")
            }
            try await client.execute(
                uri: "/v1/sync/pull?after=0", method: .get, headers: [.authorization: "Bearer nope"]
            ) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/v1/me", method: .get, headers: [.authorization: "Bearer \(fixture.token)"])
            {
                #expect($0.status == .ok)
                #expect(String(buffer: $0.body).contains("ana@example.org"))
            }
        }
    }

    @Test func badPushesGetProblemsNotCrashes() async throws {
        let fixture = try Self.fixture(maxBodySize: 4_096)
        let auth: HTTPFields = [.authorization: "Bearer \(fixture.token)", .contentType: "application/json"]
        try await fixture.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/sync/push", method: .post, headers: auth, body: ByteBuffer(string: "{\"schemaVersion\": 1")
            ) {
                #expect($0.status == .badRequest)
                let problem = try Self.problem($0)
                #expect(problem.type == "/problems/malformed-body")
            }
            let old = PushRequest(schemaVersion: -7, replica: ReplicaID(), batch: "b", changes: .empty)
            try await client.execute(
                uri: "/v1/sync/push", method: .post, headers: auth,
                body: ByteBuffer(bytes: try JSONEncoder().encode(old))
            ) {
                #expect($0.status == .badRequest)
                let problem = try Self.problem($0)
                #expect(problem.detail.contains("upgrade eventsctl"))
            }
            let huge = ByteBuffer(string: String(repeating: " ", count: 10_000))
            try await client.execute(uri: "/v1/sync/push", method: .post, headers: auth, body: huge) {
                #expect($0.status == .contentTooLarge)
            }
            try await client.execute(uri: "/v1/sync/pull?after=99999", method: .get, headers: auth) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/v1/sync/pull", method: .get, headers: auth) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/v1/nowhere", method: .get, headers: auth) {
                #expect($0.status == .notFound)
                let problem = try Self.problem($0)
                #expect(problem.type == "/problems/not-found")
            }
        }
    }

    static func counter(_ series: String, _ client: some TestClientProtocol) async throws -> Double? {
        try await client.execute(uri: "/metrics", method: .get) { response in
            String(buffer: response.body).split(separator: "\n").first { $0.hasPrefix(series + " ") }
                .flatMap { Double($0.split(separator: " ").last ?? "") }
        }
    }

    /// Each application counts in its own registry, so a test reads exactly what its own requests moved.
    @Test func syncCountersMoveWithThisApplicationsPushesAndPulls() async throws {
        let fixture = try Self.fixture()
        let auth: HTTPFields = [.authorization: "Bearer \(fixture.token)", .contentType: "application/json"]
        try await fixture.app.test(.router) { client in
            let before = try await Self.counter("eventsd_sync_batches_total", client)
            #expect(before == 0)
            let push = PushRequest(
                schemaVersion: EventsSchema.version, replica: ReplicaID(), batch: "b1", changes: .empty)
            for _ in 0..<2 {
                try await client.execute(
                    uri: "/v1/sync/push", method: .post, headers: auth,
                    body: ByteBuffer(bytes: try JSONEncoder().encode(push))
                ) {
                    #expect($0.status == .ok)
                }
            }
            try await client.execute(
                uri: "/v1/sync/pull?after=0&schema=\(EventsSchema.version)", method: .get, headers: auth
            ) { #expect($0.status == .ok) }
            let batches = try await Self.counter("eventsd_sync_batches_total", client)
            let pulls = try await Self.counter("eventsd_sync_pulls_total", client)
            #expect(batches == 2 && pulls == 1)
        }
        try await Self.fixture().app.test(.router) { client in
            let batches = try await Self.counter("eventsd_sync_batches_total", client)
            #expect(batches == 0, "another application's registry starts at zero")
        }
    }
}
