import NIOPosix

/// SQLite calls block their thread: an fsync, or a write waiting up to the busy timeout for another writer's
/// lock. Handlers run them on threads of their own, so Swift concurrency's few threads (one per core) keep
/// answering health checks and metrics meanwhile; reads have their own threads, so writers queued behind a
/// lock never hold up a read of the last committed state.
enum DatabaseWork {
    private static let readers = started(NIOThreadPool(numberOfThreads: 8))
    private static let writers = started(NIOThreadPool(numberOfThreads: 4))

    static func read<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await readers.runIfActive(body)
    }

    static func write<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await writers.runIfActive(body)
    }

    private static func started(_ pool: NIOThreadPool) -> NIOThreadPool {
        pool.start()
        return pool
    }
}
