import Foundation
import Hummingbird

/// The stylesheet and the two small scripts of the pages (`Web/Assets`), read once, each with its validator.
struct WebAssets: Sendable {
    struct Asset: Sendable {
        var contentType: String
        var body: ByteBuffer
        var tag: EntityTag
    }

    private let assets: [String: Asset]

    init() throws {
        let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"]
        var assets: [String: Asset] = [:]
        for (file, data) in try BundledFolder(named: "Assets").files {
            guard let type = types[(file as NSString).pathExtension] else { continue }
            assets[file] = Asset(contentType: type, body: ByteBuffer(bytes: data), tag: EntityTag(of: data))
        }
        self.assets = assets
    }

    subscript(file: String) -> Asset? { assets[file] }
}
