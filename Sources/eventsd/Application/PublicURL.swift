import Foundation
import Synchronization

/// The URL people reach the daemon at, used for links it hands out (a personal feed's URL): the configured
/// `--public-url`, else the listener's own address once it is bound, never the request's `Host` header, which
/// a client chooses.
final class PublicURL: Sendable {
    private let configured: String?
    private let listener = Mutex<String?>(nil)

    init(configured: String?) {
        self.configured = configured.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }

    /// Called once the server listens, with its `http://HOST:PORT`.
    func listening(at url: String) {
        listener.withLock { $0 = url }
    }

    var base: String {
        configured ?? listener.withLock { $0 } ?? ""
    }

    /// `url` (on this daemon) as a calendar app's subscription link: `webcal://` in place of `http(s)://`.
    static func webcal(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.scheme = "webcal"
        return components.string ?? url
    }

    /// Hosts that mean "every interface": the listener's address then says nothing about how people reach it.
    static func isWildcard(_ host: String) -> Bool {
        ["0.0.0.0", "::", "*", "", "[::]"].contains(host)
    }
}
