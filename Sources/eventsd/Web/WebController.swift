import EventsCore
import Foundation
import Hummingbird

/// The agenda as web pages: the published events, each event's agenda day by day, one session, and the
/// attendee's page (which reads the API from the browser with the token it holds). Public pages show exactly
/// what the public exports show, are cached under the replica's change sequence, and carry the security
/// headers of `SecurityHeadersMiddleware`.
struct WebController {
    let store: EventsStore
    let publicURL: PublicURL
    let database: DatabaseThreads
    private let templates: PageTemplates
    private let assets: WebAssets
    private let cache = PageCache()
    private let zones = TimeZone.knownTimeZoneIdentifiers.sorted()
    private let attendeePage: PageCache.Page

    init(store: EventsStore, publicURL: PublicURL, database: DatabaseThreads) throws {
        self.store = store
        self.publicURL = publicURL
        self.database = database
        templates = try PageTemplates()
        assets = try WebAssets()
        attendeePage = PageCache.Page(sequence: 0, html: try templates.render([String: String](), as: "me"))
    }

    /// What a page handler found: a page to keep, or one to show once (not found, a bad query).
    enum Rendered: Sendable {
        case page(PageCache.Page)
        case refusal(HTTPResponse.Status, String)
    }

    func addRoutes(to router: Router<DaemonRequestContext>) {
        let pages = router.group().add(middleware: SecurityHeadersMiddleware())
        pages.get("/") { request, _ in
            let today = Self.today()
            return try await page(request, key: "/|\(today)") { try home(today: today) }
        }
        pages.get("/events/:slug") { request, context in
            let slug = try context.parameters.require("slug")
            let zone = request.uri.queryParameters["tz"].map(String.init)
            return try await page(request, key: "/events/\(slug)|\(zone ?? "")") {
                try eventPage(slug: slug, zone: zone)
            }
        }
        pages.get("/events/:slug/sessions/:id") { request, context in
            let slug = try context.parameters.require("slug")
            let id = try context.parameters.require("id")
            let zone = request.uri.queryParameters["tz"].map(String.init)
            return try await page(request, key: "/events/\(slug)/sessions/\(id)|\(zone ?? "")") {
                try sessionPage(slug: slug, id: id, zone: zone)
            }
        }
        pages.get("/me") { [attendeePage] request, _ in Self.response(attendeePage, to: request) }
        pages.get("/assets/:file") { [assets] _, context in
            let file = try context.parameters.require("file")
            guard let asset = assets[file] else {
                throw Problem(.notFound, type: "not-found", detail: "No asset '\(file)'.")
            }
            return Response(
                status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "no-cache"],
                body: .init(byteBuffer: asset.body))
        }
    }

    /// The page under `key` as of the replica's current change sequence, rendered only when that moved.
    private func page(
        _ request: Request, key: String, render: @escaping @Sendable () throws -> Rendered
    ) async throws -> Response {
        let rendered = try await database.read { [store, cache] () -> Rendered in
            let sequence = try store.changeSequence()
            if let page = cache.page(key, at: sequence) { return .page(page) }
            let rendered = try render()
            guard case .page(var page) = rendered else { return rendered }
            page.sequence = sequence
            cache.keep(page, as: key)
            return .page(page)
        }
        switch rendered {
        case .page(let page): return Self.response(page, to: request)
        case .refusal(let status, let html):
            return Response(
                status: status, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: html)))
        }
    }

    private func home(today: String) throws -> Rendered {
        let events = try store.events(seenBy: EventsStore.anonymousReader, today: today)
        return .page(
            PageCache.Page(sequence: 0, html: try templates.render(HomePage(events: events, today: today), as: "home")))
    }

    private func eventPage(slug: String, zone: String?) throws -> Rendered {
        guard let agenda = try store.agenda(eventSlug: slug, seenBy: EventsStore.anonymousReader) else {
            return try notFound("No published event '\(slug)'.")
        }
        guard let shown = Self.zone(zone, default: agenda.event.timeZone) else { return try unknownZone(zone) }
        let version = try store.latestScheduleVersion(eventID: agenda.event.id).map { ScheduleVersion.label(of: $0) }
        let page = EventPage(agenda: agenda, version: version, shown: shown, zones: zones, publicURL: publicURL.base)
        return .page(PageCache.Page(sequence: 0, html: try templates.render(page, as: "event")))
    }

    private func sessionPage(slug: String, id: String, zone: String?) throws -> Rendered {
        guard let agenda = try store.agenda(eventSlug: slug, seenBy: EventsStore.anonymousReader),
            let item = agenda.items.first(where: { $0.session.id == id })
        else { return try notFound("No session '\(id)' in a published event '\(slug)'.") }
        guard let shown = Self.zone(zone, default: agenda.event.timeZone) else { return try unknownZone(zone) }
        let page = SessionPage(item: item, event: agenda.event, shown: shown, zones: zones)
        return .page(PageCache.Page(sequence: 0, html: try templates.render(page, as: "session")))
    }

    private func notFound(_ message: String) throws -> Rendered {
        .refusal(.notFound, try templates.render(NotFoundPage(message: message), as: "not-found"))
    }

    private func unknownZone(_ zone: String?) throws -> Rendered {
        let page = NotFoundPage(
            heading: "Unknown time zone",
            message: "'\(zone ?? "")' is not a time zone; choose one such as Europe/Brussels.")
        return .refusal(.badRequest, try templates.render(page, as: "not-found"))
    }

    /// The zone a page asked for (`?tz=`), the event's own when none; `nil` when it names no zone.
    private static func zone(_ name: String?, default eventZone: TimeZone) -> TimeZone? {
        guard let name, !name.isEmpty else { return eventZone }
        return TimeZone(identifier: name)
    }

    private static func today() -> String { Instant.display(Date(), in: .gmt, pattern: "yyyy-MM-dd") }

    /// The page with its validator; `304 Not Modified` when the browser holds these bytes.
    private static func response(_ page: PageCache.Page, to request: Request) -> Response {
        var headers: HTTPFields = [.eTag: page.etag, .cacheControl: "no-cache"]
        let known = request.headers[values: .ifNoneMatch].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "") }
        if known.contains(page.etag) { return Response(status: .notModified, headers: headers) }
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: page.body))
    }
}
