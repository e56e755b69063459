import EventsCore
import Foundation
import Hummingbird

/// The agenda as web pages: the published events, each event's agenda day by day, one session, and the
/// attendee's page (which reads the API from the browser with the token it holds). Public pages show exactly
/// what the public exports show and are cached under the replica's change sequence by the renderer they
/// share with the exports.
struct WebController {
    let store: EventsStore
    let publicURL: PublicURL
    let renderer: DocumentRenderer
    private let templates: PageTemplates
    private let assets: WebAssets
    private let zones = TimeZone.knownTimeZoneIdentifiers.sorted()
    private let attendeePage: RenderedCache.Document

    init(store: EventsStore, publicURL: PublicURL, renderer: DocumentRenderer) throws {
        self.store = store
        self.publicURL = publicURL
        self.renderer = renderer
        templates = try PageTemplates()
        assets = try WebAssets()
        attendeePage = RenderedCache.Document(sequence: 0, text: try templates.render([String: String](), as: "me"))
    }

    /// What a page handler made when it made no page: a refusal to show once.
    private struct Refusal: Error {
        var status: HTTPResponse.Status
        var html: String
    }

    private typealias Rendered = Result<String, Refusal>

    func addRoutes(to router: Router<DaemonRequestContext>) {
        router.get("/") { request, _ in
            // An event is over once its last day ends where it takes place; zones' days start on a quarter hour.
            let now = Date()
            let quarter = Int(now.timeIntervalSince1970 / 900)
            return try await page(request, key: RenderedCache.Key(path: "/", variant: "\(quarter)")) {
                try home(at: now)
            }
        }
        router.get("/events/:slug") { request, context in
            let slug = try context.parameters.require("slug")
            let zone = request.uri.queryParameters["tz"].map(String.init)
            return try await page(request, key: RenderedCache.Key(path: "/events/\(slug)", variant: zone ?? "")) {
                try eventPage(slug: slug, zone: zone)
            }
        }
        router.get("/events/:slug/sessions/:id") { request, context in
            let (slug, id) = (try context.parameters.require("slug"), try context.parameters.require("id"))
            let zone = request.uri.queryParameters["tz"].map(String.init)
            let key = RenderedCache.Key(path: "/events/\(slug)/sessions/\(id)", variant: zone ?? "")
            return try await page(request, key: key) { try sessionPage(slug: slug, id: id, zone: zone) }
        }
        router.get("/me") { [attendeePage] request, _ in
            attendeePage.response(contentType: Self.html, to: request)
        }
        router.get("/assets/:file") { [assets] request, context in
            guard let asset = assets[try context.parameters.require("file")] else {
                throw Problem(.notFound, type: "not-found", detail: "No such asset.")
            }
            return asset.tag.response(asset.body, contentType: asset.contentType, to: request)
        }
    }

    private static let html = "text/html; charset=utf-8"

    /// The page under `key` as of the replica's current change sequence, rendered only when that moved.
    private func page(
        _ request: Request, key: RenderedCache.Key, render: @escaping @Sendable () throws -> Rendered
    ) async throws -> Response {
        switch try await renderer.document(key, render: render) {
        case .success(let page): return page.response(contentType: Self.html, to: request)
        case .failure(let refusal):
            return Response(
                status: refusal.status, headers: [.contentType: Self.html],
                body: .init(byteBuffer: ByteBuffer(string: refusal.html)))
        }
    }

    private func home(at now: Date) throws -> Rendered {
        let events = try store.events(seenBy: EventsStore.anonymousReader, at: now)
        return .success(try templates.render(HomePage(events: events, at: now), as: "home"))
    }

    private func eventPage(slug: String, zone: String?) throws -> Rendered {
        guard let agenda = try store.agenda(eventSlug: slug, seenBy: EventsStore.anonymousReader) else {
            return try refusal(.notFound, .notFound("No published event '\(slug)'."))
        }
        guard let shown = shownZone(zone, of: agenda.event) else { return try unknownZone(zone) }
        let version = try store.latestScheduleVersion(eventID: agenda.event.id).map { ScheduleVersion.label(of: $0) }
        let page = EventPage(agenda: agenda, version: version, shown: shown, zones: zones, publicURL: publicURL.base)
        return .success(try templates.render(page, as: "event"))
    }

    private func sessionPage(slug: String, id: String, zone: String?) throws -> Rendered {
        guard let agenda = try store.agenda(eventSlug: slug, seenBy: EventsStore.anonymousReader),
            let item = agenda.items.first(where: { $0.session.id == id })
        else { return try refusal(.notFound, .notFound("No session '\(id)' in a published event '\(slug)'.")) }
        guard let shown = shownZone(zone, of: agenda.event) else { return try unknownZone(zone) }
        let page = SessionPage(item: item, event: agenda.event, shown: shown, zones: zones)
        return .success(try templates.render(page, as: "session"))
    }

    private func refusal(_ status: HTTPResponse.Status, _ page: RefusalPage) throws -> Rendered {
        .failure(Refusal(status: status, html: try templates.render(page, as: "refusal")))
    }

    private func unknownZone(_ zone: String?) throws -> Rendered {
        try refusal(
            .badRequest,
            RefusalPage(
                heading: "Unknown time zone",
                message: "'\(zone ?? "")' is not a time zone of the list; choose one such as Europe/Brussels."))
    }

    /// The zone a page asked for (`?tz=`): one of the list, or the event's own (also when none is asked for).
    private func shownZone(_ name: String?, of event: Event) -> TimeZone? {
        guard let name, !name.isEmpty, name != event.timezone else { return event.timeZone }
        return zones.contains(name) ? TimeZone(identifier: name) : nil
    }
}
