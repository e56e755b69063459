import Foundation
import Mustache

/// The page templates shipped beside the daemon (`Web/Templates`), parsed once; `{{x}}` escapes HTML, so text
/// from the replica renders as text.
struct PageTemplates: Sendable {
    enum Failure: Error, CustomStringConvertible {
        case missing(String)

        var description: String {
            switch self {
            case .missing(let name): "The page template '\(name)' is missing from this installation."
            }
        }
    }

    private let library: MustacheLibrary

    init() throws {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw Failure.missing("Templates")
        }
        var library = MustacheLibrary()
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            try library.register(text, named: String(file.dropLast(".mustache".count)))
        }
        self.library = library
    }

    func render(_ page: Any, as name: String) throws -> String {
        guard let html = library.render(page, withTemplate: name) else { throw Failure.missing(name) }
        return html
    }
}
