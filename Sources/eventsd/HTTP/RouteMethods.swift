import Hummingbird
import Synchronization

/// The methods each route path answers, known once every route is registered, so that a request for a path
/// the daemon serves with a method it does not is answered 405 with `Allow` instead of 404.
final class RouteMethods: Sendable {
    private struct Route {
        let segments: [Substring]
        let method: String
    }

    private let routes = Mutex<[Route]>([])

    /// Takes the router's routes; called after the last one is added.
    func register(_ descriptions: [Router<DaemonRequestContext>.RouteDescription]) {
        let known = descriptions.map {
            Route(segments: $0.path.description.split(separator: "/"), method: $0.method.rawValue)
        }
        routes.withLock { $0 = known }
    }

    /// The methods served at `path`, sorted; empty when no route has this path.
    func methods(at path: String) -> [String] {
        let segments = path.split(separator: "/")
        let matching = routes.withLock { routes in
            routes.filter { route in
                route.segments.count == segments.count
                    && zip(route.segments, segments).allSatisfy { pattern, segment in
                        pattern == segment || pattern.contains("{") || pattern.contains("*")
                    }
            }
        }
        return Set(matching.map(\.method)).sorted()
    }
}
