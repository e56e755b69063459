import Foundation

/// Where the pages live, and which links a page may offer a browser.
enum WebPaths {
    static func event(_ slug: String) -> String { "/events/\(segment(slug))" }

    static func session(_ id: String, of slug: String) -> String { "\(event(slug))/sessions/\(segment(id))" }

    /// `url` when a browser may follow it from a page: http or https only, never `javascript:` or `data:`.
    static func followable(_ url: String?) -> String? {
        guard let url, let scheme = URLComponents(string: url)?.scheme?.lowercased(),
            ["http", "https"].contains(scheme)
        else { return nil }
        return url
    }

    private static func segment(_ text: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove("/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
