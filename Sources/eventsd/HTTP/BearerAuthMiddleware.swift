import EventsCore
import Hummingbird

/// Resolves `Authorization: Bearer TOKEN` to an account, on every request, so a revoked token stops working
/// at once. Routes open to the public (`isOptional`) go on without a token, as nobody's; a token sent there is
/// still checked.
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = DaemonRequestContext
    let accounts: AccountStore
    var isOptional = false

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if isOptional, request.headers[.authorization] == nil { return try await next(request, context) }
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw Problem.unauthorized("Send 'Authorization: Bearer TOKEN'; 'eventsd admin create-user' makes a token.")
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        // One indexed read of the WAL snapshot, never waiting for a writer: not worth a trip to the database threads.
        guard let account = try accounts.account(forToken: token) else {
            throw Problem.unauthorized("The bearer token is unknown or revoked.")
        }
        var context = context
        context.account = account
        context.logger[metadataKey: "account.id"] = .string(account.id)
        return try await next(request, context)
    }
}
