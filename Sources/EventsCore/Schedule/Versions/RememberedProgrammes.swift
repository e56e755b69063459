import Foundation
import GRDB

/// The programmes a laptop remembers as they stood after its latest sync that brought anything and the one
/// before it, stored in its own tables (`EventsStore.registerLaptopMigrations`).
enum RememberedProgrammes {
    enum Generation: String {
        case previous, latest
    }

    /// Whether the laptop remembers programmes from the sync before the latest.
    static func hasPrevious(in db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM schedule_baseline_syncs WHERE sync = ?)",
            arguments: [Generation.previous.rawValue]) ?? false
    }

    /// The programmes remembered from `generation`, by event; one that cannot be read (from another version) is skipped.
    static func programmes(from generation: Generation, in db: Database) throws -> [String: ScheduleSnapshot] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT event_id, content FROM schedule_baselines WHERE sync = ?", arguments: [generation.rawValue]
        )
        return Dictionary(
            rows.compactMap { row in
                (try? ScheduleSnapshot.decode(row[EventsColumn.content])).map { (row[EventsColumn.eventID], $0) }
            },
            uniquingKeysWith: { first, _ in first })
    }

    /// The latest become the previous, as `keep` trims them, and `latest` become the latest; returns whether the
    /// trimming forgot anything.
    static func rotate(
        to latest: [ScheduleSnapshot], keeping keep: (ScheduleSnapshot) -> ScheduleSnapshot?, at time: Date,
        in db: Database
    ) throws -> Bool {
        let remembered = try programmes(from: .latest, in: db)
        try db.execute(sql: "DELETE FROM schedule_baselines")
        try db.execute(
            sql: "DELETE FROM schedule_baseline_syncs WHERE sync = ?", arguments: [Generation.previous.rawValue])
        try db.execute(
            sql: "UPDATE schedule_baseline_syncs SET sync = ? WHERE sync = ?",
            arguments: [Generation.previous.rawValue, Generation.latest.rawValue])
        var forgot = false
        for programme in remembered.values {
            let kept = keep(programme)
            forgot = forgot || kept != programme
            if let kept { try store(kept, as: .previous, in: db) }
        }
        for programme in latest { try store(programme, as: .latest, in: db) }
        try db.execute(
            sql: "INSERT INTO schedule_baseline_syncs (sync, taken_at) VALUES (?, ?)",
            arguments: [Generation.latest.rawValue, Instant.format(time)])
        return forgot
    }

    private static func store(_ programme: ScheduleSnapshot, as generation: Generation, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO schedule_baselines (sync, event_id, content) VALUES (?, ?, ?)",
            arguments: [generation.rawValue, programme.eventID, try programme.canonicalJSON()])
    }
}
