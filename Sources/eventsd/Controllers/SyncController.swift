import Foundation
import Hummingbird
import Sync

/// `POST /v1/sync/push` and `GET /v1/sync/pull?after=CURSOR&limit=N&view=VIEW&horizon=H&schema=N`.
struct SyncController {
    let server: SyncServer
    let maxBodySize: Int
    let services: DaemonServices

    var routes: RouteCollection<DaemonRequestContext> {
        let routes = RouteCollection(context: DaemonRequestContext.self)
        routes.post("push", use: push)
        routes.get("pull", use: pull)
        return routes
    }

    @Sendable func push(_ request: Request, context: DaemonRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let push = try await request.decodeJSON(PushRequest.self, maxBodySize: maxBodySize)
        let response = try await services.database.write { [server] in try server.push(push, principal: account.id) }
        services.metrics.recordPush(response)
        context.logger.info(
            "Push applied",
            metadata: [
                "sync.batch": "\(push.batch)", "sync.replica": "\(push.replica.hex)",
                "sync.accepted": "\(response.accepted)", "sync.notes": "\(response.notes.count)",
            ])
        return try .json(response)
    }

    @Sendable func pull(_ request: Request, context: DaemonRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let parameters = request.uri.queryParameters
        let after = try parameters.require("after", as: Int64.self)
        let limit = try parameters.optional("limit", as: Int.self) ?? 1_000
        let view = parameters.get("view").map { String($0) }
        let horizon = try parameters.optional("horizon", as: Int64.self)
        // A laptop that does not say its schema predates the parameter: it is on the previous version.
        let schema = try parameters.optional("schema", as: Int.self) ?? server.schemaVersion - 1
        let page = try await services.database.read { [server] in
            try server.pull(
                after: after, limit: limit, principal: account.id, view: view, horizon: horizon, schemaVersion: schema)
        }
        services.metrics.recordPull(changes: page.changes.count)
        return try .json(page)
    }
}
