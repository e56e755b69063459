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
        var sent = "no queued changes could be read from the old replica"
        if let old = try? home.openStore(), let status = try? old.replica.clientStatus() {
            var report = SyncClient.Report()
            try SyncClient(replica: old.replica, transport: transport).push(into: &report)
            sent = "sent its \(status.pendingChanges) queued change(s) first"
        }
        let backup = try home.setReplicaAside()
        let fresh = try home.openStore()
        let report = try SyncClient(replica: fresh.replica, transport: transport).sync()
        print("Rebuilt the replica from \(config.server): \(sent), pulled \(report.pulled); the old file is kept as \(backup.lastPathComponent).")
    }
}
