import NIOPosix
import ServiceLifecycle

/// SQLite calls block their thread: an fsync, or a write waiting up to the busy timeout for another writer's
/// lock. Handlers run them on threads of their own, so Swift concurrency's few threads (one per core) keep
/// answering health checks and metrics meanwhile; reads have their own threads, so writers queued behind a
/// lock never hold up a read of the last committed state. Writers are many: each waits while its write runs in
/// the replica's next group commit, and every waiting write joins that batch.
///
/// A service of the application: the threads start when it is built and stop, after the work already given
/// to them, when the application shuts down (the server stops first, so no request is left without a thread).
struct DatabaseThreads: Service {
    private let readers: NIOThreadPool
    private let writers: NIOThreadPool

    init(readers: Int = 8, writers: Int = 64) {
        self.readers = NIOThreadPool(numberOfThreads: readers)
        self.writers = NIOThreadPool(numberOfThreads: writers)
        self.readers.start()
        self.writers.start()
    }

    func read<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await readers.runIfActive(body)
    }

    func write<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await writers.runIfActive(body)
    }

    func run() async throws {
        // Ends on a graceful shutdown, or throws when the service group is cancelled: the threads stop either way.
        try? await gracefulShutdown()
        try await writers.shutdownGracefully()
        try await readers.shutdownGracefully()
    }
}
