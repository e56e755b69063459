/// A laptop's queued changes. `batch` is chosen once and kept across retries, so a replay is recognised and
/// answered with the first verdicts.
public struct PushRequest: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    public var replica: ReplicaID
    public var batch: String
    public var changes: ChangeSet

    public init(schemaVersion: Int, replica: ReplicaID, batch: String, changes: ChangeSet) {
        self.schemaVersion = schemaVersion
        self.replica = replica
        self.batch = batch
        self.changes = changes
    }
}
