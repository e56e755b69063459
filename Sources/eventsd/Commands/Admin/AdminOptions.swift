import ArgumentParser
import EventsCore

/// The options every admin command shares.
struct AdminOptions: ParsableArguments {
    @Option(help: "The daemon's SQLite file.")
    var db: String

    @Option(help: "The account's email address.")
    var email: String

    func accounts() throws -> AccountStore {
        AccountStore(replica: try openDaemonReplica(path: db))
    }
}
