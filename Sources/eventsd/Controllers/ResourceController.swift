import EventsCore
import Foundation
import Hummingbird

/// One JSON resource under `/v1`: `GET /v1/NAME` (a page, `?event=&updatedSince=&after=&limit=`), `POST /v1/NAME`,
/// and `GET|PATCH|DELETE /v1/NAME/:id`. Reads show what the caller's laptop would receive in a pull; writes
/// run the domain's commands on a store acting for the caller, so they are authorized as a synced change is.
struct ResourceController<R: Resource> {
    let name: String
    let store: EventsStore
    let maxBodySize: Int

    func addRoutes(to group: RouterGroup<DaemonRequestContext>) {
        group.get(RouterPath(name), use: list)
        group.post(RouterPath(name), use: create)
        group.get(RouterPath("\(name)/:id"), use: get)
        group.patch(RouterPath("\(name)/:id"), use: update)
        group.delete(RouterPath("\(name)/:id"), use: delete)
    }

    private func id(in context: DaemonRequestContext) throws -> String {
        try R.id(of: try context.parameters.require("id"), in: store)
    }

    /// The row's id, if the caller may see the row: a row they cannot see is as absent for a change as for a read.
    private func visibleID(in context: DaemonRequestContext, for account: Account) throws -> String {
        let id = try id(in: context)
        _ = try store.get(R.self, id: id, reader: account.id)
        return id
    }

    @Sendable func list(_ request: Request, context: DaemonRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let query = try ListQuery(request).resourceQuery
        return try .json(store.list(R.self, query, reader: account.id))
    }

    @Sendable func get(_ request: Request, context: DaemonRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        return try .json(store.get(R.self, id: try id(in: context), reader: account.id))
    }

    @Sendable func create(_ request: Request, context: DaemonRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let input = try await request.decodeJSON(R.Creation.self, maxBodySize: maxBodySize)
        let id = try R.create(input, caller: account.email, in: store.acting(as: account.id).creatingOnly())
        context.logger.info("Created", metadata: ["resource": "\(name)", "resource.id": "\(id)"])
        var response = try Response.json(store.get(R.self, id: id, reader: account.id), status: .created)
        response.headers[.location] = "/v1/\(name)/\(id)"
        return response
    }

    @Sendable func update(_ request: Request, context: DaemonRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let id = try visibleID(in: context, for: account)
        let changes = try await request.decodeJSON(R.Changes.self, maxBodySize: maxBodySize)
        try R.update(id: id, changes, in: store.acting(as: account.id))
        context.logger.info("Updated", metadata: ["resource": "\(name)", "resource.id": "\(id)"])
        return try .json(store.get(R.self, id: id, reader: account.id))
    }

    @Sendable func delete(_ request: Request, context: DaemonRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let id = try visibleID(in: context, for: account)
        try R.delete(id: id, in: store.acting(as: account.id))
        context.logger.info("Deleted", metadata: ["resource": "\(name)", "resource.id": "\(id)"])
        return Response(status: .noContent)
    }
}
