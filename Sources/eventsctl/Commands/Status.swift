import ArgumentParser
import Sync

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the daemon URL, pending changes, the last sync and refused changes.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON for scripts.")
    var json = false

    struct Output: Encodable {
        var server: String?
        var sync: ClientStatus
    }

    func run() throws {
        let home = global.location
        let status = Output(server: try home.loadConfig()?.server, sync: try home.openReplica().clientStatus())
        if json { return try printJSON(status) }
        print("Daemon:           \(status.server ?? "not logged in")")
        print("Replica:          \(status.sync.replica)")
        print("Pending changes:  \(status.sync.pendingChanges)")
        print("Last sync:        \(status.sync.lastSyncAt ?? "never")")
        if let error = status.sync.lastError { print("Last error:       \(error)") }
        guard !status.sync.refusals.isEmpty else { return }
        print("Refused by the daemon (your edits were reverted to its version):")
        var table = TextTable(header: ["WHEN", "ROW", "FIELD", "REASON"])
        table.rows = status.sync.refusals.map { [$0.at, "\($0.table) \($0.rowID)", $0.column ?? "(row)", $0.reason] }
        print(table.render())
    }
}
