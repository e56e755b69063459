import Foundation
import Mustache

/// The page templates shipped beside the daemon (`Web/Templates`), parsed once; `{{x}}` escapes HTML, so text
/// from the replica renders as text.
struct PageTemplates: Sendable {
    private let library: MustacheLibrary

    init() throws {
        var library = MustacheLibrary()
        for (file, data) in try BundledFolder(named: "Templates").files where file.hasSuffix(".mustache") {
            try library.register(String(decoding: data, as: UTF8.self), named: String(file.dropLast(".mustache".count)))
        }
        self.library = library
    }

    func render(_ page: Any, as name: String) throws -> String {
        guard let html = library.render(page, withTemplate: name) else {
            throw BundledFolder.Missing(name: "Templates/\(name).mustache")
        }
        return html
    }
}
