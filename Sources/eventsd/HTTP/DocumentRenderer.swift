/// Renders documents from the replica (web pages, public exports) on the database's reader threads and keeps
/// each under the change sequence it was rendered at, so an unchanged replica renders nothing again. The
/// sequence is read after the request arrived, and the rendering starts after that read: a document is never
/// older than a write acknowledged before it was asked for.
struct DocumentRenderer: Sendable {
    let cache: RenderedCache
    let changes: ChangeSequenceProbe
    let database: DatabaseThreads

    init(database: DatabaseThreads, changeSequence: @escaping @Sendable () throws -> Int64) {
        self.database = database
        cache = RenderedCache()
        changes = ChangeSequenceProbe { try await database.read(changeSequence) }
    }

    /// The document under `key` as of the replica's current change sequence, rendered only when that moved; a
    /// refusal `render` returns instead is passed on, not kept.
    func document<Refusal: Error & Sendable>(
        _ key: RenderedCache.Key, render: @escaping @Sendable () throws -> Result<String, Refusal>
    ) async throws -> Result<RenderedCache.Document, Refusal> {
        let sequence = try await changes.current()
        if let document = cache.document(key, at: sequence) { return .success(document) }
        return try await database.read { [cache] in
            try render().map { text in
                let document = RenderedCache.Document(sequence: sequence, text: text)
                cache.keep(document, as: key)
                return document
            }
        }
    }
}
