import EventsCore
import Logging
import Sync

/// Everything `eventsd serve` is configured with; every key has a flag and a default.
struct DaemonConfiguration: Sendable {
    var databasePath: String
    var host = "127.0.0.1"
    var port = 8080
    var seedDirectory: String?
    var maxClockSkewSeconds = 300
    /// A request head must arrive within this many seconds of the connection's start or the previous answer.
    var headerTimeoutSeconds = 30
    /// A connection with no traffic for this many seconds is closed.
    var idleTimeoutSeconds = 75
    /// The largest request body accepted, in bytes.
    var maxBodySize = 16 * 1024 * 1024
    var logLevel: Logger.Level = .info
    /// `full` (default) fsyncs every commit and survives power loss; `normal` survives a crash of the daemon.
    var durability: Replica.Durability = .full
    /// Deleted rows are forgotten this many days after their deletion; laptops offline longer rebuild.
    var tombstoneHorizonDays = 180
    /// The domain of every calendar UID; keep it equal to the laptops' so both exports describe one event.
    var calendarHost = EventsStore.defaultCalendarHost
    /// The web origin (or `*`) whose pages may call the API from a browser, such as a dashboard; none by default.
    var corsOrigin: String?
    /// The URL people reach the daemon at, for the links it hands out; default the listener's `http://HOST:PORT`,
    /// required when listening on every interface.
    var publicURL: String?
    /// Writes (pushes and API writes) each account may make per minute, in bursts up to the same number; far
    /// beyond what an honest laptop or dashboard sends.
    var writeBudgetPerMinute = 6_000
    /// Public signatures each network address may send per minute, in bursts up to the same number: a person signs
    /// once, a script flooding the form is told when to retry.
    var publicSignaturesPerMinute = 10
    /// The largest public signature form accepted, in bytes: a name, an affiliation, an email and a reservation.
    var maxPublicFormSize = 32 * 1024

    /// Every setting at its default, for help texts.
    static let defaults = DaemonConfiguration(databasePath: "")
}
