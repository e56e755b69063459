import Foundation
import Hummingbird
import Synchronization

/// Rendered pages kept under the replica's change sequence they were rendered at: a page is rendered again only
/// once something changed. Bounded by the bytes it holds: when full, it starts over.
final class PageCache: Sendable {
    /// A page's path and the zone it is shown in.
    struct Key: Hashable, Sendable {
        var path: String
        var zone: String
    }

    struct Page: Sendable {
        var sequence: Int64
        var body: ByteBuffer
        var tag: EntityTag

        init(sequence: Int64, html: String) {
            self.sequence = sequence
            body = ByteBuffer(string: html)
            tag = EntityTag(of: Data(html.utf8))
        }
    }

    private struct Pages {
        var byKey: [Key: Page] = [:]
        var bytes = 0
    }

    private let pages = Mutex(Pages())
    private let capacity: Int

    init(capacity bytes: Int = 32 << 20) {
        capacity = bytes
    }

    /// The page under `key` if it was rendered at `sequence`.
    func page(_ key: Key, at sequence: Int64) -> Page? {
        pages.withLock { pages in pages.byKey[key].flatMap { $0.sequence == sequence ? $0 : nil } }
    }

    func keep(_ page: Page, as key: Key) {
        pages.withLock { pages in
            if let old = pages.byKey[key] { pages.bytes -= old.body.readableBytes }
            if pages.bytes + page.body.readableBytes > capacity { pages = Pages() }
            pages.byKey[key] = page
            pages.bytes += page.body.readableBytes
        }
    }
}
