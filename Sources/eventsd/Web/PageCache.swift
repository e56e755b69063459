import Crypto
import Foundation
import NIOCore
import Synchronization

/// Rendered pages kept under the replica's change sequence they were rendered at: a page is rendered again
/// only once something changed. Bounded: when full, it starts over.
final class PageCache: Sendable {
    struct Page: Sendable {
        var sequence: Int64
        var body: ByteBuffer
        /// A strong validator of the body, for `If-None-Match`.
        var etag: String

        init(sequence: Int64, html: String) {
            self.sequence = sequence
            body = ByteBuffer(string: html)
            etag =
                "\"" + SHA256.hash(data: Data(html.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
        }
    }

    private let pages = Mutex<[String: Page]>([:])
    private let capacity: Int

    init(capacity: Int = 2_000) {
        self.capacity = capacity
    }

    /// The page under `key` if it was rendered at `sequence`.
    func page(_ key: String, at sequence: Int64) -> Page? {
        pages.withLock { pages in pages[key].flatMap { $0.sequence == sequence ? $0 : nil } }
    }

    func keep(_ page: Page, as key: String) {
        pages.withLock { pages in
            if pages.count >= capacity, pages[key] == nil { pages.removeAll(keepingCapacity: true) }
            pages[key] = page
        }
    }
}
