import Foundation
import GRDB

/// A failure of the file under a replica, told in the replica's terms rather than its storage engine's, so
/// each front end can present it (a CLI line, an HTTP status) without knowing SQLite.
public struct StorageFailure: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Another program holds the lock past the busy timeout; nothing was changed.
        case busy
        /// The file is not a database any more, or is corrupted.
        case damaged
        /// The disk is full; nothing was changed.
        case full
        /// The file or its folder cannot be opened or written.
        case cannotWrite
        case other
    }

    public let kind: Kind
    /// The replica's file.
    public let path: String
    /// The engine's own words, for logs and the last part of a message.
    public let detail: String

    public var description: String { "The replica \(path) failed: \(detail)." }

    init(_ error: DatabaseError, path: String) {
        self.path = path
        detail = error.message ?? "\(error)"
        kind =
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: .busy
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: .damaged
            case .SQLITE_FULL: .full
            case .SQLITE_IOERR where Self.diskIsFull(at: path): .full
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR: .cannotWrite
            default: .other
            }
    }

    /// Runs `body`, telling an engine error as a failure of the replica at `path`.
    static func translating<T>(path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StorageFailure(error, path: path)
        }
    }

    /// SQLite reports a full disk as an I/O error when the WAL cannot grow; the free space tells them apart.
    private static func diskIsFull(at path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        let free = (try? FileManager.default.attributesOfFileSystem(forPath: folder)[.systemFreeSize] as? NSNumber)?
            .int64Value
        return (free ?? .max) < 256 * 1024
    }
}
