import Foundation
import Hummingbird
import Synchronization

/// Documents rendered from the replica (web pages, public exports) kept under the replica's change sequence
/// they were rendered at: a document is rendered again only once something changed. Bounded by the bytes it
/// holds: when full, it starts over.
final class RenderedCache: Sendable {
    /// A document's path and the variant it is shown in (a page's time zone).
    struct Key: Hashable, Sendable {
        var path: String
        var variant: String = ""
    }

    struct Document: Sendable {
        var sequence: Int64
        var body: ByteBuffer
        var tag: EntityTag

        init(sequence: Int64, text: String) {
            self.sequence = sequence
            body = ByteBuffer(string: text)
            tag = EntityTag(of: Data(text.utf8))
        }

        /// The document with its strong ETag, or `304 Not Modified` when the client already has these bytes.
        func response(contentType: String, to request: Request) -> Response {
            tag.response(body, contentType: contentType, to: request)
        }
    }

    private struct Documents {
        var byKey: [Key: Document] = [:]
        var bytes = 0
    }

    private let documents = Mutex(Documents())
    private let capacity: Int

    init(capacity bytes: Int = 32 << 20) {
        capacity = bytes
    }

    /// The document under `key` if it was rendered at `sequence`.
    func document(_ key: Key, at sequence: Int64) -> Document? {
        documents.withLock { documents in documents.byKey[key].flatMap { $0.sequence == sequence ? $0 : nil } }
    }

    func keep(_ document: Document, as key: Key) {
        documents.withLock { documents in
            if let old = documents.byKey[key] { documents.bytes -= old.body.readableBytes }
            if documents.bytes + document.body.readableBytes > capacity { documents = Documents() }
            documents.byKey[key] = document
            documents.bytes += document.body.readableBytes
        }
    }
}
