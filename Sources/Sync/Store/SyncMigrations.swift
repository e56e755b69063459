import GRDB

/// The bookkeeping tables of the sync layer, the same on laptops and on the daemon.
enum SyncMigrations {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("sync-v1") { db in
            // One row per replicated value, including each row's existence record (col = ''). `seq` is this
            // replica's sequence at which the value last changed: the pull cursor on the daemon, the upload
            // queue on a laptop.
            try db.execute(
                sql: """
                    CREATE TABLE crdt_clock (
                        tbl TEXT NOT NULL,
                        row_id TEXT NOT NULL,
                        col TEXT NOT NULL,
                        cl INTEGER NOT NULL CHECK (cl > 0),
                        hlc INTEGER NOT NULL,
                        replica BLOB NOT NULL CHECK (length(replica) = 16),
                        seq INTEGER NOT NULL,
                        PRIMARY KEY (tbl, row_id, col)
                    ) WITHOUT ROWID;
                    CREATE INDEX crdt_clock_by_seq ON crdt_clock(seq);
                    CREATE TABLE crdt_replica (
                        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                        replica_id BLOB NOT NULL CHECK (length(replica_id) = 16),
                        hlc INTEGER NOT NULL,
                        seq INTEGER NOT NULL
                    );
                    CREATE TABLE sync_client (
                        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                        pushed_seq INTEGER NOT NULL DEFAULT 0,
                        pull_cursor INTEGER NOT NULL DEFAULT 0,
                        last_sync_at TEXT,
                        last_error TEXT
                    );
                    INSERT INTO sync_client (singleton) VALUES (1);
                    CREATE TABLE sync_outbox (
                        batch TEXT PRIMARY KEY NOT NULL,
                        upto_seq INTEGER NOT NULL,
                        body BLOB NOT NULL
                    );
                    CREATE TABLE sync_refusals (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        tbl TEXT NOT NULL,
                        row_id TEXT NOT NULL,
                        col TEXT,
                        reason TEXT NOT NULL,
                        at TEXT NOT NULL
                    );
                    CREATE TABLE sync_batches (
                        replica BLOB NOT NULL,
                        batch TEXT NOT NULL,
                        digest BLOB NOT NULL,
                        response BLOB NOT NULL,
                        PRIMARY KEY (replica, batch)
                    );
                    CREATE TABLE sync_replicas (
                        replica BLOB PRIMARY KEY NOT NULL,
                        principal TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("sync-v2-view") { db in
            try db.execute(sql: "ALTER TABLE sync_client ADD COLUMN view TEXT")
        }
        // Deletions older than the horizon are forgotten; a laptop whose cursor is below `seq` must start over.
        migrator.registerMigration("sync-v3-horizon") { db in
            try db.execute(
                sql:
                    "CREATE TABLE sync_horizon (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), seq INTEGER NOT NULL, time INTEGER NOT NULL)"
            )
        }
        // Each deleted row: when this replica applied the deletion (its own clock, never the pushed stamp), and
        // the last values of its table's `deletionScope` columns as a JSON object (NULL if never seen here).
        // Deletions applied before this version count from the upgrade. A laptop keeps the daemon's horizon it
        // last pulled under.
        migrator.registerMigration("sync-v4-deletions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE crdt_deletions (
                        tbl TEXT NOT NULL, row_id TEXT NOT NULL, deleted_at INTEGER NOT NULL, scope TEXT,
                        PRIMARY KEY (tbl, row_id)
                    ) WITHOUT ROWID;
                    INSERT INTO crdt_deletions (tbl, row_id, deleted_at)
                    SELECT tbl, row_id, CAST(strftime('%s', 'now') AS INTEGER) * 1000 FROM crdt_clock WHERE col = '' AND cl % 2 = 0;
                    ALTER TABLE sync_client ADD COLUMN horizon INTEGER;
                    """)
        }
        // A laptop forgets what left its view: the records a walk started over brought, until it is complete.
        migrator.registerMigration("sync-v5-sweep") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sync_sweep (tbl TEXT NOT NULL, row_id TEXT NOT NULL, col TEXT NOT NULL, PRIMARY KEY (tbl, row_id, col)) WITHOUT ROWID;
                    ALTER TABLE sync_client ADD COLUMN sweeping INTEGER NOT NULL DEFAULT 0;
                    """)
        }
    }
}
