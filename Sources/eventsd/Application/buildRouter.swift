import EventsCore
import Foundation
import Hummingbird
import Sync

/// Every route of the daemon; `openapi.yaml` documents each one (a test compares the two).
func buildRouter(
    store: EventsStore, accounts: AccountStore, server: SyncServer, configuration: DaemonConfiguration,
    services: DaemonServices,
    publicURL: PublicURL = PublicURL(configured: "http://eventsd.test")
) throws -> Router<DaemonRequestContext> {
    let router = Router(context: DaemonRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    if let origin = configuration.corsOrigin { router.add(middleware: corsMiddleware(allowing: origin)) }
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ProblemMiddleware())
    let routeMethods = RouteMethods()
    router.add(middleware: MethodNotAllowedMiddleware(routes: routeMethods))
    router.get("/healthz") { _, _ in HealthStatus(status: "ok") }
    router.get("/metrics") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: services.metrics.exposition)))
    }
    router.get("/openapi.yaml") { _, _ in
        guard let yaml = APIDocument.yaml else {
            throw Problem(
                .internalServerError, type: "internal", detail: "The API document is missing from this installation.")
        }
        return Response(
            status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: yaml)))
    }
    let renderer = DocumentRenderer(database: services.database, changeSequence: store.changeSequence)
    let calendars = CalendarController(
        store: store, accounts: accounts, host: configuration.calendarHost, publicURL: publicURL,
        database: services.database, renderer: renderer)
    calendars.addPublicRoutes(to: router)
    try WebController(store: store, publicURL: publicURL, renderer: renderer).addRoutes(to: router)
    SignatoriesController(
        store: store, maxFormSize: configuration.maxPublicFormSize,
        budget: WriteBudget(perMinute: configuration.publicSignaturesPerMinute), database: services.database
    ).addRoutes(to: router.group("/v1").add(middleware: BearerAuthMiddleware(accounts: accounts, isOptional: true)))
    let v1 = router.group("/v1").add(middleware: BearerAuthMiddleware(accounts: accounts))
        .add(middleware: WriteBudgetMiddleware(budget: WriteBudget(perMinute: configuration.writeBudgetPerMinute)))
    v1.get("me") { _, context in try Response.json(try context.requireAccount()) }
    calendars.addAccountRoutes(to: v1)
    MyAgendaController(store: store, database: services.database).addRoutes(to: v1)
    RSVPController(store: store, maxBodySize: configuration.maxBodySize, database: services.database).addRoutes(to: v1)
    StatementsController(store: store, maxBodySize: configuration.maxBodySize, database: services.database)
        .addRoutes(to: v1)
    ScheduleVersionsController(store: store, maxBodySize: configuration.maxBodySize, database: services.database)
        .addRoutes(to: v1)
    v1.addRoutes(
        SyncController(server: server, maxBodySize: configuration.maxBodySize, services: services).routes,
        atPath: "/sync")
    addResourceRoutes(to: v1, store: store, maxBodySize: configuration.maxBodySize, database: services.database)
    routeMethods.register(router.routes)
    return router
}

/// Lets pages of `origin` (or any, with `*`) call the API from a browser with a bearer token.
private func corsMiddleware(allowing origin: String) -> CORSMiddleware<DaemonRequestContext> {
    CORSMiddleware(
        allowOrigin: origin == "*" ? .all : .custom(origin),
        allowHeaders: [
            .accept, .authorization, .contentType, .origin, RequestLogMiddleware<DaemonRequestContext>.header,
            .ifNoneMatch,
        ],
        allowMethods: [.get, .post, .patch, .delete, .options],
        exposedHeaders: ["Location", "ETag", "X-Request-Id"],
        maxAge: .seconds(600))
}

private func addResourceRoutes(
    to group: RouterGroup<DaemonRequestContext>, store: EventsStore, maxBodySize: Int, database: DatabaseThreads
) {
    func add<R: Resource>(_: R.Type, at name: String) {
        ResourceController<R>(name: name, store: store, maxBodySize: maxBodySize, database: database).addRoutes(
            to: group)
    }
    add(EventResource.self, at: "events")
    add(SegmentResource.self, at: "segments")
    add(RoomResource.self, at: "rooms")
    add(SessionResource.self, at: "sessions")
    add(OrganizationResource.self, at: "organizations")
    add(PersonResource.self, at: "people")
    add(SessionRoleResource.self, at: "session-roles")
    add(InvitationResource.self, at: "invitations")
    add(RSVPResource.self, at: "rsvps")
    add(DeclarationResource.self, at: "declarations")
    add(SignatureResource.self, at: "signatures")
    add(DocumentResource.self, at: "documents")
    add(ObserverResource.self, at: "observers")
}

struct HealthStatus: ResponseEncodable {
    var status: String
}
