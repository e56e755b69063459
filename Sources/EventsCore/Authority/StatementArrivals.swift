import GRDB
import Sync

/// The daemon numbers inscriptions on a list of speakers in the order they reach it, in the write's own
/// transaction, so every laptop shows the same order after a sync. An inscription withdrawn and made again
/// arrives anew.
enum StatementArrivals {
    static func number(_ rows: [RowKey], writer: inout LocalWrite) throws {
        let arriving: [Statement] = try AwaitingNumber.rows(
            of: .statements, without: .arrival, among: rows, orderedBy: [.inscribedAt], in: writer.db)
        for statement in arriving {
            let last = try Int64.fetchOne(
                writer.db.cachedStatement(sql: "SELECT max(arrival) FROM statements WHERE session_id = ?"),
                arguments: [statement.sessionID])
            try writer.update(.statements, id: statement.id, values: [.arrival: .integer((last ?? 0) + 1)])
        }
    }
}
