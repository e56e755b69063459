import Foundation
import NIOCore

/// The stylesheet and the two small scripts of the pages (`Web/Assets`), read once.
struct WebAssets: Sendable {
    struct Asset: Sendable {
        var contentType: String
        var body: ByteBuffer
    }

    private let assets: [String: Asset]

    init() throws {
        guard let folder = Bundle.module.url(forResource: "Assets", withExtension: nil) else {
            throw PageTemplates.Failure.missing("Assets")
        }
        let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"]
        var assets: [String: Asset] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            guard let type = types[(file as NSString).pathExtension] else { continue }
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            assets[file] = Asset(contentType: type, body: ByteBuffer(bytes: data))
        }
        self.assets = assets
    }

    subscript(file: String) -> Asset? { assets[file] }
}
