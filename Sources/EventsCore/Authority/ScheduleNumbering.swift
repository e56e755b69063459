import Foundation
import GRDB
import Sync

/// The daemon numbers the publications of a schedule when it applies them, in its own transaction, so two
/// organizers publishing offline get two numbers in arrival order, never one; it records the programme as
/// attendees see it at that moment, with its hash. A number, once given, is never given again. A laptop sends
/// one publication per batch (the table closes a push batch), so the state it records is the laptop's as it
/// was when it published; a crafted batch's further publications of the same event are not published.
enum ScheduleNumbering {
    static func number(_ rows: [RowKey], by principal: String, writer: inout LocalWrite) throws {
        let pending: [ScheduleVersion] = try AwaitingNumber.rows(
            of: .scheduleVersions, without: .number, among: rows, orderedBy: [.requestedAt], in: writer.db)
        guard !pending.isEmpty else { return }
        let publisher = try String.fetchOne(
            writer.db.cachedStatement(sql: "SELECT name FROM accounts WHERE id = ?"), arguments: [principal]
        ).map { String(String.UnicodeScalarView($0.unicodeScalars.prefix(EventsSchema.name.maxLength))) }
        let publishedAt = Instant.format(Date(timeIntervalSince1970: Double(writer.now) / 1000))
        var published: Set<String> = []
        for version in pending {
            guard published.insert(version.eventID).inserted else {
                try writer.delete(from: .scheduleVersions, id: version.id)
                continue
            }
            let programme = try ScheduleSnapshot.read(eventID: version.eventID, in: writer.db)
            let content = try programme.canonicalJSON()
            let fits = content.unicodeScalars.count <= EventsSchema.scheduleContent.maxLength
            try writer.update(
                .scheduleVersions, id: version.id,
                values: [
                    .number: .integer(try nextNumber(of: version.eventID, in: writer.db)),
                    .publishedAt: .text(publishedAt), .publishedBy: publisher.map(SyncValue.text) ?? .null,
                    .hash: .text(ScheduleSnapshot.hash(ofCanonical: content)), .content: fits ? .text(content) : .null,
                ])
        }
    }

    /// The event's next number, counted past every number given (withdrawn versions included).
    private static func nextNumber(of event: String, in db: Database) throws -> Int64 {
        let given =
            try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT last FROM schedule_numbers WHERE event_id = ?"), arguments: [event])
            ?? Int64.fetchOne(
                db.cachedStatement(sql: "SELECT max(number) FROM schedule_versions WHERE event_id = ?"),
                arguments: [event]) ?? 0
        try db.execute(
            sql: """
                INSERT INTO schedule_numbers (event_id, last) VALUES (?, ?)
                ON CONFLICT (event_id) DO UPDATE SET last = excluded.last
                """,
            arguments: [event, given + 1])
        return given + 1
    }
}
