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
    let database: DatabaseThreads

    func addRoutes(to group: RouterGroup<DaemonRequestContext>) {
        group.get(RouterPath(name), use: list)
        group.post(RouterPath(name), use: create)
        group.get(RouterPath("\(name)/:id"), use: get)
        group.patch(RouterPath("\(name)/:id"), use: update)
        group.delete(RouterPath("\(name)/:id"), use: delete)
    }

    /// What the URL names the row by: its id, or for events also the slug.
    private func reference(in context: DaemonRequestContext) throws -> String {
        try context.parameters.require("id")
    }

    @Sendable func list(_ request: Request, context: DaemonRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let query = try ListQuery(request).resourceQuery
        return try .json(try await database.read { [store] in try store.list(R.self, query, reader: account.id) })
    }

    @Sendable func get(_ request: Request, context: DaemonRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let reference = try reference(in: context)
        return try .json(
            try await database.read { [store] in
                try store.get(R.self, id: try R.id(of: reference, in: store), reader: account.id)
            })
    }

    @Sendable func create(_ request: Request, context: DaemonRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let input = try await request.decodeJSON(R.Creation.self, maxBodySize: maxBodySize)
        let (id, created) = try await database.write { [store] in
            let id = try R.create(input, caller: account.email, in: store.acting(as: account.id).creatingOnly())
            return (id, try store.get(R.self, id: id, reader: account.id))
        }
        context.logger.info("Created", metadata: ["resource": "\(name)", "resource.id": "\(id)"])
        var response = try Response.json(created, status: .created)
        response.headers[.location] = "/v1/\(name)/\(id)"
        return response
    }

    @Sendable func update(_ request: Request, context: DaemonRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let reference = try reference(in: context)
        let changes = try await request.decodeJSON(R.Changes.self, maxBodySize: maxBodySize)
        let (id, updated) = try await database.write { [store] in
            let id = try Self.visibleID(reference, for: account, in: store)
            do {
                try R.update(id: id, changes, in: store.acting(as: account.id))
            } catch let error as EventsError where error.namesAMissingRow {
                // The row the URL names was just found: the missing one is a row the body names.
                throw Problem(missingReference: error)
            }
            return (id, try store.get(R.self, id: id, reader: account.id))
        }
        context.logger.info("Updated", metadata: ["resource": "\(name)", "resource.id": "\(id)"])
        return try .json(updated)
    }

    @Sendable func delete(_ request: Request, context: DaemonRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let reference = try reference(in: context)
        let id = try await database.write { [store] in
            let id = try Self.visibleID(reference, for: account, in: store)
            try R.delete(id: id, in: store.acting(as: account.id))
            return id
        }
        context.logger.info("Deleted", metadata: ["resource": "\(name)", "resource.id": "\(id)"])
        return Response(status: .noContent)
    }

    /// The row's id, if the caller may see the row: a row they cannot see is as absent for a change as for a read.
    private static func visibleID(_ reference: String, for account: Account, in store: EventsStore) throws -> String {
        let id = try R.id(of: reference, in: store)
        _ = try store.get(R.self, id: id, reader: account.id)
        return id
    }
}
