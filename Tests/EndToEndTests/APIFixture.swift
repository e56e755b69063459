import EventsCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Sync
import Testing

@testable import eventsd

/// A seeded daemon router in process with three callers: an administrator, an attendee of GMS 2017, and none.
struct APIFixture {
    /// Every route as `METHOD /path/{parameter}`, in OpenAPI's spelling.
    let operations: Set<String>
    let app: Application<RouterResponder<DaemonRequestContext>>
    let admin: String
    let attendee: String

    init(corsOrigin: String? = nil) throws {
        let path = try temporaryFolder().appendingPathComponent("eventsd.sqlite").path
        let replica = try openDaemonReplica(path: path)
        let store = EventsStore(replica: replica)
        _ = try SeedLoader(store: store).load(directory: Binaries.seed)
        try store.addPerson(name: "Sam Speaker", email: "speaker@example.org")
        let accounts = AccountStore(replica: replica)
        admin = try accounts.createAccount(email: "admin@example.org", name: "Admin", isAdmin: true).1
        attendee = try accounts.createAccount(email: "attendee@example.org", name: "Ada Attendee", isAdmin: false).1
        try accounts.grant(.attendee, to: "attendee@example.org", eventSlug: "gms-2017")
        let services = DaemonServices()
        let router = try buildRouter(
            store: store, accounts: accounts, server: SyncServer(replica: replica, policy: EventsPolicy()),
            configuration: DaemonConfiguration(databasePath: path, corsOrigin: corsOrigin), services: services)
        operations = Set(
            router.routes.map { route in
                let path = route.path.description.split(separator: "/").map {
                    $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0)
                }
                return "\(route.method) /\(path.joined(separator: "/"))"
            })
        app = Application(router: router, services: [services.database])
    }

    struct Reply {
        var status: Int
        var headers: HTTPFields
        var text: String

        var object: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        }
        var items: [[String: Any]] { object["items"] as? [[String: Any]] ?? [] }
        var problemType: String? { object["type"] as? String }
    }

    func send(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String?,
        body: String? = nil,
        headers: HTTPFields = [:]
    ) async throws -> Reply {
        var fields = headers
        if let token { fields[.authorization] = "Bearer \(token)" }
        if body != nil { fields[.contentType] = "application/json" }
        return try await client.execute(
            uri: uri, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) }
        ) { response in
            Reply(status: Int(response.status.code), headers: response.headers, text: String(buffer: response.body))
        }
    }

    /// Replaces the placeholders of a story's body with ids read through the API itself.
    func substitute(_ body: String, _ client: some TestClientProtocol) async throws -> String {
        var body = body
        if body.contains("$session") {
            body = body.replacingOccurrences(
                of: "$session", with: try await firstID(client, "/v1/sessions?event=gms-2017"))
        }
        if body.contains("$otherSession") {
            body = body.replacingOccurrences(
                of: "$otherSession", with: try await firstID(client, "/v1/sessions?event=gfmd-2007"))
        }
        if body.contains("$hiddenSession") {
            body = body.replacingOccurrences(
                of: "$hiddenSession", with: try await firstID(client, "/v1/sessions?event=pss-2016"))
        }
        if body.contains("$declaration") {
            body = body.replacingOccurrences(
                of: "$declaration", with: try await firstID(client, "/v1/declarations?event=pss-2016"))
        }
        return body
    }

    private func firstID(_ client: some TestClientProtocol, _ uri: String) async throws -> String {
        try #require(try await send(client, .get, uri, token: admin).items.first?["id"] as? String)
    }
}
