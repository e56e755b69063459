import Foundation
import GRDB
import Sync

/// The daemon numbers the publications of a schedule when it applies them, in its own transaction, so two
/// organizers publishing offline get two numbers in arrival order, never one; it records the programme as
/// attendees see it at that moment, with its hash. A number, once given, never changes.
enum ScheduleNumbering {
    static func number(_ rows: [RowKey], by principal: String, writer: inout LocalWrite) throws {
        let ids = rows.filter { $0.table == EventsTable.scheduleVersions.name }.map(\.id)
        guard !ids.isEmpty else { return }
        let pending = try ScheduleVersion.fetchAll(
            writer.db,
            sql: """
                SELECT * FROM schedule_versions WHERE number IS NULL AND id IN (\(databaseQuestionMarks(count: ids.count)))
                ORDER BY requested_at, id
                """,
            arguments: StatementArguments(ids))
        guard !pending.isEmpty else { return }
        let publisher = try String.fetchOne(
            writer.db, sql: "SELECT name FROM accounts WHERE id = ?", arguments: [principal])
        let publishedAt = Instant.format(Date(timeIntervalSince1970: Double(writer.now) / 1000))
        for version in pending {
            let latest = try Int.fetchOne(
                writer.db, sql: "SELECT max(number) FROM schedule_versions WHERE event_id = ?",
                arguments: [version.eventID])
            let snapshot = try ScheduleSnapshot.read(eventID: version.eventID, in: writer.db)
            try writer.update(
                .scheduleVersions, id: version.id,
                values: [
                    .number: .integer(Int64((latest ?? 0) + 1)), .publishedAt: .text(publishedAt),
                    .publishedBy: publisher.map(SyncValue.text) ?? .null, .hash: .text(try snapshot.hash()),
                    .content: .text(try snapshot.canonicalJSON()),
                ])
        }
    }
}
