import EventsCore
import Foundation
import Hummingbird
import NIOCore

/// Agendas as iCalendar: the public agenda of a published event, and personal feeds reached by a revocable
/// token in the URL (calendar apps send no cookies or bearer tokens).
struct CalendarController {
    let store: EventsStore
    let accounts: AccountStore
    let host: String
    let publicURL: PublicURL
    let database: DatabaseThreads

    /// `GET /v1/events/:id/agenda.ics` (id or slug) and `GET /v1/feeds/:token` (`TOKEN.ics`), without a bearer token.
    func addPublicRoutes(to router: Router<DaemonRequestContext>) {
        router.get("/v1/events/:id/agenda.ics") { request, context in
            let slug = try context.parameters.require("id")
            let calendar = try await database.read { [store, host] () -> String? in
                guard let event = try? store.event(slug: slug), event.published else { return nil }
                return try store.calendar(eventSlug: event.slug, host: host, reader: EventsStore.anonymousReader)
            }
            guard let calendar else {
                throw Problem(.notFound, type: "not-found", detail: "No published event '\(slug)'.")
            }
            return try Self.calendarResponse(calendar, request: request)
        }
        addScheduleRoute("schedule.xml", contentType: "application/xml; charset=utf-8", to: router) {
            ScheduleXML($0).render()
        }
        addScheduleRoute("schedule.json", contentType: "application/json; charset=utf-8", to: router) {
            try ScheduleJSON($0).render()
        }
        router.get("/v1/feeds/:file") { request, context in
            let file = try context.parameters.require("file")
            let token = file.hasSuffix(".ics") ? String(file.dropLast(4)) : file
            let calendar = try await database.read { [store, accounts, host] () -> String? in
                guard let account = try accounts.account(forFeedToken: token) else { return nil }
                return try store.personalCalendar(person: account.email, reader: account.id, host: host)
            }
            guard let calendar else {
                throw Problem(.notFound, type: "not-found", detail: "This feed does not exist or was revoked.")
            }
            return try Self.calendarResponse(calendar, request: request)
        }
    }

    /// `GET /v1/events/:id/FILE`: a published event's programme in the schedule format, as the public sees it.
    private func addScheduleRoute(
        _ file: String, contentType: String, to router: Router<DaemonRequestContext>,
        render: @escaping @Sendable (ScheduleDocument) throws -> String
    ) {
        router.get("/v1/events/:id/\(file)") { [publicURL] request, context in
            let slug = try context.parameters.require("id")
            let schedule = try await database.read { [store] () -> ScheduleDocument? in
                guard let event = try? store.event(slug: slug), event.published else { return nil }
                return try store.schedule(
                    eventSlug: event.slug, baseURL: publicURL.base, reader: EventsStore.anonymousReader)
            }
            guard let schedule else {
                throw Problem(.notFound, type: "not-found", detail: "No published event '\(slug)'.")
            }
            return try Self.exportResponse(try render(schedule), contentType: contentType, request: request)
        }
    }

    /// `GET /v1/me/feed` (the current feed URL), `POST /v1/me/feed` (a new one) and `DELETE /v1/me/feed` (revoke
    /// them all), with a bearer token.
    func addAccountRoutes(to group: RouterGroup<DaemonRequestContext>) {
        group.get("me/feed") { [publicURL] _, context in
            let account = try context.requireAccount()
            guard let token = try await database.read({ [accounts] in try accounts.currentFeedToken(for: account) })
            else {
                throw Problem(
                    .notFound, type: "not-found", detail: "No calendar feed yet: POST /v1/me/feed makes one.")
            }
            var response = try Response.json(FeedLink(token: token, url: "\(publicURL.base)/v1/feeds/\(token).ics"))
            response.headers[.cacheControl] = "no-store"
            return response
        }
        group.post("me/feed") { [publicURL] _, context in
            let account = try context.requireAccount()
            let token = try await database.write { [accounts] in try accounts.createFeedToken(for: account) }
            return try Response.json(
                FeedLink(token: token, url: "\(publicURL.base)/v1/feeds/\(token).ics"), status: .created)
        }
        group.delete("me/feed") { _, context in
            let account = try context.requireAccount()
            let revoked = try await database.write { [accounts] in try accounts.revokeFeedTokens(for: account) }
            return try Response.json(["revoked": revoked])
        }
    }

    struct FeedLink: Encodable {
        var token: String
        var url: String
    }

    /// `text/calendar` with a strong ETag; `304 Not Modified` when the client already has these bytes.
    static func calendarResponse(_ text: String, request: Request) throws -> Response {
        try exportResponse(text, contentType: "text/calendar; charset=utf-8", request: request)
    }

    /// An export with a strong ETag; `304 Not Modified` when the client already has these bytes.
    static func exportResponse(_ text: String, contentType: String, request: Request) throws -> Response {
        let body = Data(text.utf8)
        return EntityTag(of: body).response(ByteBuffer(bytes: body), contentType: contentType, to: request)
    }
}
