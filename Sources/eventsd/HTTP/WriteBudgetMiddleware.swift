import Hummingbird
import Sync

/// Refuses an account's writes beyond its budget with 429 and `Retry-After`; reads are never counted.
struct WriteBudgetMiddleware: RouterMiddleware {
    typealias Context = DaemonRequestContext
    let budget: WriteBudget

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard ![.get, .head, .options].contains(request.method), let account = context.account else {
            return try await next(request, context)
        }
        if let seconds = budget.take(for: account.id) { throw SyncError.rateLimited(retryAfterSeconds: seconds) }
        return try await next(request, context)
    }
}
