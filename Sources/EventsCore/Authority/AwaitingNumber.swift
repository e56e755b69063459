import GRDB
import Sync

/// The rows of one table a write touched that still wait for the daemon to give them a number (a version's,
/// an inscription's arrival), in the order they were asked for.
enum AwaitingNumber {
    static func rows<Record: FetchableRecord>(
        of table: EventsTable, without column: EventsColumn, among touched: [RowKey],
        orderedBy order: [EventsColumn], in db: Database
    ) throws -> [Record] {
        let ids = touched.filter { $0.table == table.name }.map(\.id)
        guard !ids.isEmpty else { return [] }
        return try Record.fetchAll(
            db,
            sql: """
                SELECT * FROM \(table.name) WHERE \(column.name) IS NULL
                AND id IN (\(databaseQuestionMarks(count: ids.count))) ORDER BY \((order + [.id]).map(\.name).joined(separator: ", "))
                """,
            arguments: StatementArguments(ids))
    }
}
