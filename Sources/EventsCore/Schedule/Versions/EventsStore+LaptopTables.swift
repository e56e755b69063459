import GRDB

extension EventsStore {
    /// A laptop's own tables, registered after the sync layer's: the programmes it remembers from its last two
    /// syncs (`RememberedProgrammes`).
    public static func registerLaptopMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("schedule-baselines-v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE schedule_baselines (
                        sync TEXT NOT NULL CHECK (sync IN ('previous', 'latest')),
                        event_id TEXT NOT NULL,
                        content TEXT NOT NULL,
                        PRIMARY KEY (sync, event_id)
                    );
                    CREATE TABLE schedule_baseline_syncs (
                        sync TEXT PRIMARY KEY NOT NULL CHECK (sync IN ('previous', 'latest')),
                        taken_at TEXT NOT NULL
                    );
                    """)
        }
    }
}
