import Foundation
import GRDB

enum CLIError: Error, CustomStringConvertible {
    case notLoggedIn
    case unreadableConfig(String)
    case unknownIdentity
    case unreadableFile(String)
    case storage(DatabaseError, path: String)

    /// SQLite reports a full disk as an I/O error when the WAL cannot grow; the free space tells them apart.
    static func diskIsFull(at path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        let free = (try? FileManager.default.attributesOfFileSystem(forPath: folder)[.systemFreeSize] as? NSNumber)?.int64Value
        return (free ?? .max) < 256 * 1024
    }

    var description: String {
        switch self {
        case .notLoggedIn:
            "Not logged in: run 'eventsctl login --server URL --token TOKEN' first."
        case .unknownIdentity:
            "Who are you? Log in with 'eventsctl login' while the daemon is reachable, or pass --as EMAIL."
        case .unreadableFile(let path):
            "Cannot read \(path)."
        case .storage(let error, let path):
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                "The replica \(path) is locked by another program (is another eventsctl running?); nothing was changed, try again."
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                "The replica \(path) is damaged; run 'eventsctl rebuild' to fetch a fresh copy from the daemon (the damaged file is kept)."
            case .SQLITE_FULL, .SQLITE_IOERR where Self.diskIsFull(at: path):
                "The disk holding \(path) is full; nothing was changed. Free some space and try again."
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR:
                "The replica \(path) cannot be written (\(error.message ?? "I/O error")); nothing was changed."
            default:
                "The replica \(path) failed: \(error.message ?? "\(error)")."
            }
        case .unreadableConfig(let path):
            "The config file \(path) is not valid JSON; log in again to rewrite it."
        }
    }
}
