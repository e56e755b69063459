import EventsCore
import Foundation
import Hummingbird
import NIOCore

/// Agendas as iCalendar: the public agenda of a published event, and personal feeds reached by a revocable
/// token in the URL (calendar apps send no cookies or bearer tokens). A published event's exports are rendered
/// once per change of the replica (the renderer keeps them); personal feeds are rendered for every request,
/// after their token was checked.
struct CalendarController {
    let store: EventsStore
    let accounts: AccountStore
    let host: String
    let publicURL: PublicURL
    let database: DatabaseThreads
    let renderer: DocumentRenderer

    /// `GET /v1/events/:id/agenda.ics` (id or slug) and `GET /v1/feeds/:token` (`TOKEN.ics`), without a bearer token.
    func addPublicRoutes(to router: Router<DaemonRequestContext>) {
        addExportRoute("agenda.ics", contentType: Self.calendarType, to: router) { [store, host] event in
            try store.calendar(eventSlug: event.slug, host: host, reader: EventsStore.anonymousReader)
        }
        addExportRoute("schedule.xml", contentType: "application/xml; charset=utf-8", to: router) { [self] event in
            ScheduleXML(try schedule(of: event)).render()
        }
        addExportRoute("schedule.json", contentType: "application/json; charset=utf-8", to: router) { [self] event in
            try ScheduleJSON(try schedule(of: event)).render()
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

    /// `GET /v1/events/:id/FILE` (id or slug): a published event's programme as the public sees it.
    private func addExportRoute(
        _ file: String, contentType: String, to router: Router<DaemonRequestContext>,
        render: @escaping @Sendable (Event) throws -> String
    ) {
        router.get("/v1/events/:id/\(file)") { [store, renderer] request, context in
            let slug = try context.parameters.require("id")
            let key = RenderedCache.Key(path: "/v1/events/\(slug)/\(file)")
            let export = try await renderer.document(key) { () -> Result<String, Problem> in
                guard let event = try? store.event(slug: slug), event.published else {
                    return .failure(Problem(.notFound, type: "not-found", detail: "No published event '\(slug)'."))
                }
                return .success(try render(event))
            }
            return try export.get().response(contentType: contentType, to: request)
        }
    }

    private func schedule(of event: Event) throws -> ScheduleDocument {
        try store.schedule(eventSlug: event.slug, baseURL: publicURL.base, reader: EventsStore.anonymousReader)
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

    private static let calendarType = "text/calendar; charset=utf-8"

    /// `text/calendar` with a strong ETag; `304 Not Modified` when the client already has these bytes.
    private static func calendarResponse(_ text: String, request: Request) throws -> Response {
        let body = Data(text.utf8)
        return EntityTag(of: body).response(ByteBuffer(bytes: body), contentType: calendarType, to: request)
    }
}
