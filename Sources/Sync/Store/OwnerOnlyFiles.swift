import Foundation

/// A replica holds people's emails and answers, and the daemon's its accounts: its files (with SQLite's `-wal`
/// and `-shm`, which SQLite creates with the main file's mode) are readable by their owner only. Files made by
/// an earlier version are narrowed when opened.
enum OwnerOnlyFiles {
    static let mode: Int16 = 0o600

    /// Creates the main file empty (a valid empty SQLite database) with the owner-only mode if it is missing.
    static func prepare(_ path: String) {
        guard !FileManager.default.fileExists(atPath: path) else { return }
        FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: mode])
    }

    /// Narrows the file and its SQLite companions to the owner; called once SQLite opened them.
    static func narrow(_ path: String) {
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            try? FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
        }
    }
}
