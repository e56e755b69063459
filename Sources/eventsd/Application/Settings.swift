import Foundation
import Logging
import Sync

/// Resolves `eventsd serve`'s settings: a flag wins over its environment variable, which wins over the default.
/// A malformed value, from either, is refused in one line naming where it came from.
struct Settings {
    struct Invalid: Error, CustomStringConvertible {
        let description: String

        init(_ description: String) {
            self.description = description
        }
    }

    let environment: [String: String]

    func value<T: LosslessStringConvertible>(_ flag: T?, _ variable: String, default fallback: T) throws -> T {
        if let flag { return flag }
        guard let text = environment[variable], !text.isEmpty else { return fallback }
        guard let value = T(text) else { throw Invalid("\(variable)='\(text)' is not a valid value.") }
        return value
    }

    /// A text setting with no default: the flag, else a non-empty variable, else none.
    func text(_ flag: String?, _ variable: String) -> String? {
        flag ?? environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }

    private func publicURL(_ flag: String?, host: String) throws -> String? {
        guard let url = text(flag, "EVENTSD_PUBLIC_URL") else {
            guard !PublicURL.isWildcard(host) else {
                throw Invalid(
                    "Listening on every interface (\(host)) needs --public-url or EVENTSD_PUBLIC_URL, the URL people reach eventsd at."
                )
            }
            return nil
        }
        guard let components = URLComponents(string: url), ["http", "https"].contains(components.scheme ?? ""),
            components.host?.isEmpty == false,
            components.query == nil
        else {
            throw Invalid(
                "The public URL must be an http or https URL such as https://events.example.org, not '\(url)'.")
        }
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    func configuration(of serve: Serve) throws -> DaemonConfiguration {
        guard let db = text(serve.db, "EVENTSD_DB") else {
            throw Invalid("Name the daemon's SQLite file with --db or EVENTSD_DB.")
        }
        var configuration = DaemonConfiguration(databasePath: db)
        configuration.host = try value(serve.host, "EVENTSD_HOST", default: configuration.host)
        configuration.port = try value(serve.port, "EVENTSD_PORT", default: configuration.port)
        guard (0...65535).contains(configuration.port) else { throw Invalid("The port must be between 0 and 65535.") }
        configuration.seedDirectory = text(serve.seed, "EVENTSD_SEED")
        configuration.corsOrigin = text(serve.corsOrigin, "EVENTSD_CORS_ORIGIN")
        configuration.publicURL = try publicURL(serve.publicURL, host: configuration.host)
        configuration.writeBudgetPerMinute = try value(
            serve.writeBudget, "EVENTSD_WRITE_BUDGET", default: configuration.writeBudgetPerMinute)
        guard configuration.writeBudgetPerMinute > 0 else {
            throw Invalid("The write budget must be a positive number of writes per minute.")
        }
        configuration.publicSignaturesPerMinute = try value(
            serve.publicSignatureBudget, "EVENTSD_PUBLIC_SIGNATURE_BUDGET",
            default: configuration.publicSignaturesPerMinute)
        guard configuration.publicSignaturesPerMinute > 0 else {
            throw Invalid("The public signature budget must be a positive number per minute.")
        }
        configuration.maxClockSkewSeconds = try value(
            serve.maxClockSkew, "EVENTSD_MAX_CLOCK_SKEW", default: configuration.maxClockSkewSeconds)
        configuration.tombstoneHorizonDays = try value(
            serve.tombstoneHorizonDays, "EVENTSD_TOMBSTONE_HORIZON_DAYS", default: configuration.tombstoneHorizonDays)
        guard configuration.tombstoneHorizonDays > 0 else {
            throw Invalid("The tombstone horizon must be a positive number of days.")
        }
        configuration.headerTimeoutSeconds = try value(
            serve.headerTimeout, "EVENTSD_HEADER_TIMEOUT", default: configuration.headerTimeoutSeconds)
        configuration.idleTimeoutSeconds = try value(
            serve.idleTimeout, "EVENTSD_IDLE_TIMEOUT", default: configuration.idleTimeoutSeconds)
        guard configuration.headerTimeoutSeconds > 0, configuration.idleTimeoutSeconds > 0 else {
            throw Invalid("The header and idle timeouts must be positive numbers of seconds.")
        }
        configuration.maxBodySize = try value(
            serve.maxBodyBytes, "EVENTSD_MAX_BODY_BYTES", default: configuration.maxBodySize)
        guard configuration.maxBodySize > 0 else { throw Invalid("The body size limit must be positive.") }
        let durability = try value(serve.durability, "EVENTSD_DURABILITY", default: "full")
        guard let mode = Replica.Durability(rawValue: durability.uppercased()) else {
            throw Invalid("Durability is full or normal, not '\(durability)'.")
        }
        configuration.durability = mode
        let level = try value(serve.logLevel, "EVENTSD_LOG_LEVEL", default: environment["LOG_LEVEL"] ?? "info")
        guard let logLevel = Logger.Level(rawValue: level) else { throw Invalid("Unknown log level '\(level)'.") }
        configuration.logLevel = logLevel
        return configuration
    }
}
