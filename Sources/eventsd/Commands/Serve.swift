import ArgumentParser
import Foundation
import Logging
import Sync

/// `eventsd serve`: every setting is a flag, else an `EVENTSD_*` environment variable, else its default.
struct Serve: AsyncParsableCommand {
    private static let defaults = DaemonConfiguration.defaults

    static let configuration = CommandConfiguration(
        abstract: "Serve the HTTP API; prints the URL it listens on once ready.",
        discussion: "Each option may instead come from the environment variable named in its help; a flag wins.")

    @Option(help: "The SQLite file of the daemon's replica, created if missing. [EVENTSD_DB]")
    var db: String?

    @Option(help: "The address to listen on. [EVENTSD_HOST, default \(Self.defaults.host)]")
    var host: String?

    @Option(help: "The port to listen on; 0 picks a free one. [EVENTSD_PORT, default \(Self.defaults.port)]")
    var port: Int?

    @Option(help: "A folder of seed JSON files to load at start (loading is idempotent). [EVENTSD_SEED]")
    var seed: String?

    @Option(
        help:
            "Clock stamps further ahead than this many seconds are replaced by the daemon's. [EVENTSD_MAX_CLOCK_SKEW, default \(Self.defaults.maxClockSkewSeconds)]"
    )
    var maxClockSkew: Int?

    @Option(
        help:
            "full: every acknowledged write survives a power cut (fsync per commit); normal: it survives a crash of the daemon. [EVENTSD_DURABILITY, default \(Self.defaults.durability.rawValue.lowercased())]"
    )
    var durability: String?

    @Option(
        help:
            "Seconds a client has to send a request's head, from connecting or from the previous answer. [EVENTSD_HEADER_TIMEOUT, default \(Self.defaults.headerTimeoutSeconds)]"
    )
    var headerTimeout: Int?
    @Option(
        help:
            "Seconds a connection may stay silent before it is closed. [EVENTSD_IDLE_TIMEOUT, default \(Self.defaults.idleTimeoutSeconds)]"
    )
    var idleTimeout: Int?
    @Option(
        help:
            "Deleted rows are forgotten this many days after the daemon applied their deletion; laptops offline longer rebuild, and pushed stamps older than this are moved up to it. [EVENTSD_TOMBSTONE_HORIZON_DAYS, default \(Self.defaults.tombstoneHorizonDays)]"
    )
    var tombstoneHorizonDays: Int?

    @Option(
        help:
            "The largest request body accepted, in bytes. [EVENTSD_MAX_BODY_BYTES, default \(Self.defaults.maxBodySize)]"
    )
    var maxBodyBytes: Int?

    @Option(
        help:
            "A web origin such as https://dashboard.example.org, or *, whose pages may call the API from a browser (CORS). [EVENTSD_CORS_ORIGIN, default none]"
    )
    var corsOrigin: String?

    @Option(
        help:
            "The URL people reach eventsd at, for the links it hands out (feed URLs); required when --host is a wildcard. [EVENTSD_PUBLIC_URL, default http://HOST:PORT of the listener]"
    )
    var publicURL: String?

    @Option(
        help:
            "Writes (pushes and API writes) each account may make per minute; beyond it the answer is 429 with Retry-After. [EVENTSD_WRITE_BUDGET, default \(Self.defaults.writeBudgetPerMinute)]"
    )
    var writeBudget: Int?

    @Option(
        help:
            "Public signatures each network address may send per minute; beyond it the answer is 429 with Retry-After. [EVENTSD_PUBLIC_SIGNATURE_BUDGET, default \(Self.defaults.publicSignaturesPerMinute)]"
    )
    var publicSignatureBudget: Int?

    @Option(
        help:
            "trace, debug, info, notice, warning, error or critical. [EVENTSD_LOG_LEVEL or LOG_LEVEL, default \(Self.defaults.logLevel)]"
    )
    var logLevel: String?

    @Option(
        help:
            "text (for people) or json (one object per line, for collectors); logs go to standard error. [EVENTSD_LOG_FORMAT, default text]"
    )
    var logFormat: String?

    func run() async throws {
        let settings = Settings(environment: ProcessInfo.processInfo.environment)
        let configuration = try settings.configuration(of: self)
        let format = try settings.value(logFormat, "EVENTSD_LOG_FORMAT", default: "text")
        guard ["text", "json"].contains(format) else {
            throw Settings.Invalid("The log format is text or json, not '\(format)'.")
        }
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler =
                format == "json" ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = configuration.logLevel
            return handler
        }
        let services = DaemonServices()
        services.metrics.bootstrapProcessBackend()
        let app = try buildApplication(configuration, services: services) { url in
            FileHandle.standardOutput.write(Data((url + "\n").utf8))
        }
        try await app.runService()
    }
}
