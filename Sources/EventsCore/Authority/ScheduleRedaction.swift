import GRDB
import Sync

/// A session put under the Chatham House Rule after versions of its programme were published: the daemon takes
/// its people out of those versions' recorded programmes (their hashes stay those of what was published), so
/// no version tells the names the rule now keeps to participants.
enum ScheduleRedaction {
    static func redact(after rows: [RowKey], writer: inout LocalWrite) throws {
        let sessions = rows.filter { $0.table == EventsTable.sessions.name }.map(\.id)
        for session in sessions {
            guard
                let event = try String.fetchOne(
                    writer.db.cachedStatement(sql: "SELECT event_id FROM sessions WHERE id = ? AND chatham_house = 1"),
                    arguments: [session])
            else { continue }
            let versions = try Row.fetchAll(
                writer.db,
                sql: "SELECT id, content FROM schedule_versions WHERE event_id = ? AND content IS NOT NULL",
                arguments: [event])
            for version in versions {
                guard var programme = try? ScheduleSnapshot.decode(version[EventsColumn.content]),
                    let index = programme.sessions.firstIndex(where: { $0.id == session }),
                    !programme.sessions[index].people.isEmpty
                else { continue }
                programme.sessions[index].people = []
                try writer.update(
                    .scheduleVersions, id: version[EventsColumn.id],
                    values: [.content: .text(try programme.canonicalJSON())])
            }
        }
    }
}
