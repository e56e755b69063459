import Foundation

/// A laptop's sync: pushes queued changes, then pulls until it has caught up.
public struct SyncClient {
    /// How far a sync has come, for progress displays.
    public struct Progress: Sendable {
        public var pushed: Int
        public var pulled: Int
        public var cursor: Int64
    }

    public struct Report: Sendable, Equatable {
        public var pushed = 0
        public var refused = 0
        public var pulled = 0
        public var applied = 0

        public init() {}
    }

    let replica: Replica
    public let transport: any SyncTransport
    public var batchLimit = 5_000
    public var pageLimit = 10_000

    public init(replica: Replica, transport: any SyncTransport) {
        self.replica = replica
        self.transport = transport
    }

    @discardableResult
    public func sync(progress: (Progress) -> Void = { _ in }) throws -> Report {
        do {
            var report = Report()
            try push(into: &report, progress: progress)
            try pull(into: &report, progress: progress)
            try replica.recordSyncAttempt(error: nil)
            return report
        } catch {
            try? replica.recordSyncAttempt(error: String(describing: error))
            throw error
        }
    }

    public func push(into report: inout Report, progress: (Progress) -> Void = { _ in }) throws {
        while let request = try replica.nextBatch(limit: batchLimit) {
            let response = try transport.push(request)
            try replica.complete(request, with: response)
            report.pushed += request.changes.count
            report.refused += response.notes.filter { $0.kind == .rejected }.count
            progress(Progress(pushed: report.pushed, pulled: report.pulled, cursor: try replica.pullPosition().cursor))
        }
    }

    /// Pulls page after page; the next page is fetched while the current one is merged, so the daemon's work and
    /// the laptop's overlap on a large first sync.
    public func pull(into report: inout Report, progress: (Progress) -> Void = { _ in }) throws {
        let position = try replica.pullPosition()
        let version = replica.schema.version
        var pending = PageFetch(transport: transport, position: position, limit: pageLimit, schemaVersion: version)
        var from = position
        while true {
            let page = try pending.result()
            let next = PullPosition(after: page)
            if page.hasMore {
                pending = PageFetch(transport: transport, position: next, limit: pageLimit, schemaVersion: version)
            }
            report.applied += try replica.apply(page, pulledFrom: from)
            from = next
            report.pulled += page.changes.count
            progress(Progress(pushed: report.pushed, pulled: report.pulled, cursor: page.cursor))
            guard page.hasMore else { return }
        }
    }
}

/// One page request running on its own thread; `result()` waits for it.
private final class PageFetch: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<PullResponse, any Error>?

    init(transport: any SyncTransport, position: PullPosition, limit: Int, schemaVersion: Int) {
        nonisolated(unsafe) let transport = transport
        Thread { [self] in
            outcome = Result {
                try transport.pull(
                    after: position.cursor, limit: limit, view: position.view, horizon: position.horizon,
                    schemaVersion: schemaVersion)
            }
            done.signal()
        }.start()
    }

    func result() throws -> PullResponse {
        done.wait()
        return try outcome!.get()
    }
}
