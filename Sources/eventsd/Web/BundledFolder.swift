import Foundation

/// A folder shipped beside the daemon as a resource of its target (`Web/Templates`, `Web/Assets`), read once.
struct BundledFolder {
    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "'\(name)' is missing from this installation." }
    }

    /// The files by name.
    let files: [String: Data]

    init(named name: String) throws {
        guard let folder = Bundle.module.url(forResource: name, withExtension: nil) else { throw Missing(name: name) }
        var files: [String: Data] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[file] = try Data(contentsOf: folder.appendingPathComponent(file))
        }
        self.files = files
    }
}
