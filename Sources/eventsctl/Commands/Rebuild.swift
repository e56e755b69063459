import ArgumentParser
import EventsCore
import Foundation
import Sync

struct Rebuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replace this laptop's replica with a fresh copy from the daemon, sending its queued changes first.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let home = global.location
        try Self.rebuild(home: home, config: try home.requireConfig())
    }

    static func rebuild(home: CLIHome, config: CLIConfig) throws {
        let transport = try CurlTransport(baseURL: config.server, token: config.token)
        var sent: Int?
        if let old = try? home.openReplica(), let status = try? old.clientStatus() {
            var report = SyncClient.Report()
            try SyncClient(replica: old, transport: transport).push(into: &report)
            sent = status.pendingChanges
        }
        // Once its queue is sent the old replica holds nothing the daemon lacks, and may hold what this laptop
        // may no longer see: it is removed. One whose queue could not be read is kept for inspection.
        let old: String
        if let sent {
            try home.removeReplica()
            old = "sent its \(sent) queued change(s) first and removed the old file"
        } else {
            old =
                "no queued changes could be read from the old replica, kept as \(try home.setReplicaAside().lastPathComponent)"
        }
        let report = try SyncClient(replica: try home.openReplica(), transport: transport).sync()
        print("Rebuilt the replica from \(config.server): \(old); pulled \(report.pulled).")
    }
}
