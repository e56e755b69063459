import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Yams

@testable import eventsd

/// `openapi.yaml` and the router describe the same API: a route missing from the document, or a documented
/// operation without a route, fails here.
@Suite struct APIDocumentTests {
    static let documentFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/eventsd/openapi.yaml")

    static func documentedOperations() throws -> Set<String> {
        let text = try String(contentsOf: documentFile, encoding: .utf8)
        let document = try #require(try Yams.load(yaml: text) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let methods: Set = ["get", "put", "post", "patch", "delete", "head", "options"]
        return Set(
            paths.flatMap { path, item in item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" } })
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedOperationRouted() throws {
        let documented = try Self.documentedOperations()
        let routed = try APIFixture().operations.filter { !Self.isPage($0) }
        #expect(routed.count > 60)
        #expect(routed.subtracting(documented).sorted() == [], "routes missing from openapi.yaml")
        #expect(documented.subtracting(routed).sorted() == [], "documented operations without a route")
    }

    /// The web pages and their assets: documented in the README, not in the API document.
    static func isPage(_ operation: String) -> Bool {
        let path = operation.split(separator: " ", maxSplits: 1).last.map(String.init) ?? ""
        return path == "/" || path == "/me" || path.hasPrefix("/events/") || path.hasPrefix("/assets/")
    }

    @Test func theDaemonServesTheDocumentInTheRepository() async throws {
        let fixture = try APIFixture()
        let document = try String(contentsOf: Self.documentFile, encoding: .utf8)
        try await fixture.app.test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == document)
            }
        }
    }

    /// The rules beyond the schemas that a problem may name are the ones the daemon names.
    @Test func theDocumentNamesTheRulesBeyondItsSchemas() throws {
        let text = try String(contentsOf: Self.documentFile, encoding: .utf8)
        let document = try #require(try Yams.load(yaml: text) as? [String: Any])
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let problem = try #require((schemas["Problem"] as? [String: Any])?["properties"] as? [String: Any])
        let rules = try #require((problem["rule"] as? [String: Any])?["enum"] as? [String])
        #expect(rules == BeyondSchemaRule.allCases.map(\.rawValue))
    }
}
