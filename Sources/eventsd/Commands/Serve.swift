import ArgumentParser
import Foundation
import Logging
import Sync

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the HTTP API; prints the URL it listens on once ready.")

    @Option(help: "The SQLite file of the daemon's replica (created if missing).")
    var db: String

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(help: "A folder of seed JSON files to load at start (loading is idempotent).")
    var seed: String?

    @Option(help: "Clock stamps further ahead than this many seconds are replaced by the daemon's.")
    var maxClockSkew = 300

    @Option(help: "full: every acknowledged write survives a power cut (fsync per commit); normal: it survives a crash of the daemon.")
    var durability = "full"

    @Option(help: "Deleted rows are forgotten this many days after deletion (checked at start); laptops offline longer rebuild.")
    var tombstoneHorizonDays = 180

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("Unknown log level '\(logLevel)'.") }
        guard Replica.Durability(rawValue: durability.uppercased()) != nil else { throw ValidationError("--durability is full or normal.") }
    }

    func run() async throws {
        let configuration = DaemonConfiguration(
            databasePath: db, host: host, port: port, seedDirectory: seed, maxClockSkewSeconds: maxClockSkew,
            logLevel: Logger.Level(rawValue: logLevel) ?? .info, durability: Replica.Durability(rawValue: durability.uppercased()) ?? .full,
            tombstoneHorizonDays: tombstoneHorizonDays)
        let app = try buildApplication(configuration) { url in
            FileHandle.standardOutput.write(Data((url + "\n").utf8))
        }
        try await app.runService()
    }
}
