import Hummingbird

/// Answers a request no route takes 405 with `Allow` when its path is served with other methods (RFC 9110
/// §15.5.6); a path the daemon does not serve stays 404.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = routes.methods(at: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
            var problem = Problem(
                .methodNotAllowed, type: "method-not-allowed",
                detail:
                    "\(request.method.rawValue) is not served at \(request.uri.path); use \(allowed.joined(separator: ", "))."
            )
            problem.allow = allowed
            throw problem
        }
    }
}
