import Foundation

/// The OpenAPI 3.1 document of the HTTP API, `Sources/eventsd/openapi.yaml`, shipped beside the daemon.
enum APIDocument {
    static let yaml: String? = Bundle.module.url(forResource: "openapi", withExtension: "yaml").flatMap {
        try? String(contentsOf: $0, encoding: .utf8)
    }
}
