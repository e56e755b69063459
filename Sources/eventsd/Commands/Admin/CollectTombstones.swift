import ArgumentParser
import EventsCore
import Sync

struct CollectTombstones: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Forget rows deleted more than N days ago (eventsd serve does this at start).")
    @Option(help: "The daemon's SQLite file.") var db: String
    @Option(help: "Age in days of the deletions to forget.") var olderThanDays = 180

    func run() throws {
        let server = SyncServer(replica: try openDaemonReplica(path: db), policy: EventsPolicy())
        let forgotten = try server.collectTombstones(
            olderThan: Replica.wallClock() - Int64(olderThanDays) * 86_400_000 + 1)
        print("Forgot \(forgotten) deleted row(s).")
    }
}
