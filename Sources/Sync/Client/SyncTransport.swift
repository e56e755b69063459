/// How a laptop reaches the daemon. `CurlTransport` speaks HTTP; tests may call a `SyncServer` in process.
public protocol SyncTransport {
    func push(_ request: PushRequest) throws -> PushResponse
    /// `horizon` is the one the laptop last pulled under (`PullResponse.horizon`), `schemaVersion` the laptop's.
    func pull(after cursor: Int64, limit: Int, view: String?, horizon: Int64?, schemaVersion: Int) throws
        -> PullResponse
}
