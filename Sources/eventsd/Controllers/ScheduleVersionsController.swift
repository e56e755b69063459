import EventsCore
import Foundation
import Hummingbird

/// An event's published programme versions and what changed since one, read as every read is (what the account
/// may see); an organizer publishes a version, which the daemon numbers in the same durable transaction.
struct ScheduleVersionsController {
    let store: EventsStore
    let maxBodySize: Int
    let database: DatabaseThreads

    struct Publication: Decodable {
        var note: String?
    }

    struct VersionList: Encodable {
        var event: String
        var versions: [ScheduleVersion]
    }

    func addRoutes(to group: RouterGroup<DaemonRequestContext>) {
        group.get("events/:id/versions") { _, context in
            let account = try context.requireAccount()
            let slug = try context.parameters.require("id")
            return try Response.json(
                try await database.read { [store] in
                    let versions = try store.acting(as: account.id).scheduleVersions(eventSlug: slug)
                    return VersionList(event: try store.event(slug: slug).slug, versions: versions)
                })
        }
        group.post("events/:id/versions") { request, context in
            let account = try context.requireAccount()
            let slug = try context.parameters.require("id")
            let publication = try await request.decodeJSON(Publication.self, maxBodySize: maxBodySize)
            let version = try await database.write { [store] in
                let id = try store.acting(as: account.id).publishSchedule(eventSlug: slug, note: publication.note)
                return try store.scheduleVersion(id: id)
            }
            return try Response.json(version, status: .created)
        }
        group.get("events/:id/changes") { request, context in
            let account = try context.requireAccount()
            let slug = try context.parameters.require("id")
            let since = try request.uri.queryParameters.optional("since", as: Int.self)
            if let since, since < 0 { throw Problem.badRequest("'since' is a version number, 0 or more.") }
            return try Response.json(
                try await database.read { [store] in
                    try store.acting(as: account.id).scheduleChanges(eventSlug: slug, since: since)
                })
        }
    }
}
