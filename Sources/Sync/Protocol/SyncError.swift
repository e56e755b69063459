/// What can go wrong while storing, merging or exchanging replicated changes, in words for the person at the
/// terminal.
public enum SyncError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownTable(String)
    case unknownColumn(table: String, column: String)
    case rowExists(table: String, id: String)
    case rowNotFound(table: String, id: String)
    /// A value that does not belong in its column (type, vocabulary or size).
    case invalidValue(table: String, column: String, problem: ValueProblem)
    case malformed(String)
    /// A pull cursor beyond the daemon's newest change: the replica was synced with another database.
    case cursorAhead(cursor: Int64, latest: Int64)
    /// A change set entry that names a replica or column by an index its lists do not have.
    case danglingIndex(String)
    case unsupportedSchema(sent: Int, accepted: [Int])
    case batchReused(String)
    case replicaOwnedByAnother(ReplicaID)
    case unreachable(url: String, reason: String)
    case server(status: Int, detail: String)
    case unauthorized(String)
    case forbidden(String)
    case resyncRequired
    /// A pushed batch larger than the daemon takes in one transaction.
    case tooManyChanges(count: Int, max: Int)
    /// The account's write budget is spent; the daemon takes writes again after this many seconds.
    case rateLimited(retryAfterSeconds: Int)

    public var description: String {
        switch self {
        case .unknownTable(let table):
            "'\(table)' is not a replicated table."
        case .unknownColumn(let table, let column):
            "'\(table)' has no replicated column '\(column)'."
        case .rowExists(let table, let id):
            "A row \(id) already exists in \(table)."
        case .rowNotFound(let table, let id):
            "There is no row \(id) in \(table) (it may have been deleted)."
        case .invalidValue(let table, let column, let problem):
            "\(table).\(column) \(problem)."
        case .malformed(let detail):
            "The sync message is malformed: \(detail)."
        case .cursorAhead(let cursor, let latest):
            "The sync message is malformed: cursor \(cursor) is ahead of the daemon (\(latest)); rebuild the replica."
        case .danglingIndex(let detail):
            "The sync message is malformed: \(detail)."
        case .unsupportedSchema(let sent, let accepted):
            "Schema version \(sent) is not supported (the daemon accepts \(accepted.map(String.init).joined(separator: ", "))); "
                + "the client must be upgraded, and its queued changes are kept."
        case .batchReused(let batch):
            "Batch \(batch) was already received with different contents."
        case .replicaOwnedByAnother(let replica):
            "Replica \(replica.hex) belongs to another account."
        case .unreachable(let url, let reason):
            "Cannot reach the daemon at \(url) (\(reason)); your changes stay queued, run sync again later."
        case .server(let status, let detail):
            "The daemon answered \(status): \(detail)"
        case .unauthorized(let detail):
            "The daemon refused the credentials: \(detail)."
        case .forbidden(let reason):
            reason
        case .tooManyChanges(let count, let max):
            "A push carries at most \(max) changes, not \(count); send the queue in pages."
        case .rateLimited(let seconds):
            "The daemon takes no more writes from this account for now; your changes stay queued, run sync again in \(seconds) s."
        case .resyncRequired:
            "The daemon has forgotten deletions older than its horizon since this replica last synced; it must be rebuilt "
                + "after its queued changes are sent."
        }
    }
}
