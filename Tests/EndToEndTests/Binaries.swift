import Foundation

/// Runs the real `eventsd` and `eventsctl` built next to this test bundle (or in `EVENTS_BIN_DIR`).
enum Binaries {
    static let folder: URL = {
        if let explicit = ProcessInfo.processInfo.environment["EVENTS_BIN_DIR"] {
            return URL(fileURLWithPath: explicit, isDirectory: true)
        }
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return me.deletingLastPathComponent()
    }()

    static var eventsd: URL { folder.appendingPathComponent("eventsd") }
    static var eventsctl: URL { folder.appendingPathComponent("eventsctl") }
    static var seed: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("seed")
    }
}

struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String

    var lastLine: String { stdout.split(separator: "\n").last.map(String.init) ?? "" }
}

/// Runs a command to completion and captures its output.
@discardableResult
func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
}

/// A running `eventsd serve`; `start` returns once the daemon printed its URL, i.e. is ready.
final class Daemon {
    let process = Process()
    let url: String
    let port: Int
    /// Where the daemon's standard error (its log) goes.
    let logFile: URL
    private let logs: FileHandle

    init(database: URL, port: Int = 0, seed: URL? = Binaries.seed, environment: [String: String] = [:]) throws {
        process.executableURL = Binaries.eventsd
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.arguments =
            ["serve", "--db", database.path, "--host", "127.0.0.1", "--port", "\(port)"]
            + (seed.map { ["--seed", $0.path] } ?? [])
        let out = Pipe()
        process.standardOutput = out
        logFile = database.deletingPathExtension().appendingPathExtension("log")
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        logs = try FileHandle(forWritingTo: logFile)
        logs.seekToEndOfFile()
        process.standardError = logs
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            guard !chunk.isEmpty else {
                throw DaemonFailed(log: (try? String(contentsOf: logFile, encoding: .utf8)) ?? "")
            }
            line.append(chunk)
        }
        url = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        self.port = Int(url.split(separator: ":").last ?? "") ?? 0
    }

    struct DaemonFailed: Error, CustomStringConvertible {
        var log: String
        var description: String { "eventsd exited before it was ready:\n\(log)" }
    }

    /// SIGTERM, then waits for the graceful exit; returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// SIGKILL: no chance to flush or clean up anything.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { kill9() }
    }
}

/// One laptop: an `eventsctl` home folder.
struct Laptop {
    let home: URL

    @discardableResult
    func run(_ arguments: String...) throws -> Outcome {
        try EndToEndTests.run(Binaries.eventsctl, ["--home", home.path] + arguments)
    }

    /// Runs a command that must succeed and returns its stdout.
    func ok(_ arguments: String...) throws -> String {
        let outcome = try EndToEndTests.run(Binaries.eventsctl, ["--home", home.path] + arguments)
        guard outcome.status == 0 else { throw CommandFailed(arguments: arguments, outcome: outcome) }
        return outcome.stdout
    }

    /// A laptop logged in to `daemon` and synced once.
    static func signedIn(_ name: String, in folder: URL, daemon: Daemon, token: String) throws -> Laptop {
        let laptop = Laptop(home: folder.appendingPathComponent(name))
        _ = try laptop.ok("login", "--server", daemon.url, "--token", token)
        _ = try laptop.ok("sync")
        return laptop
    }

    struct CommandFailed: Error, CustomStringConvertible {
        var arguments: [String]
        var outcome: Outcome
        var description: String {
            "eventsctl \(arguments.joined(separator: " ")) exited \(outcome.status): \(outcome.stderr)"
        }
    }
}

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("events-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func createUser(database: URL, email: String, name: String, admin: Bool = false) throws -> String {
    let outcome = try run(
        Binaries.eventsd,
        ["admin", "create-user", "--db", database.path, "--email", email, "--name", name] + (admin ? ["--admin"] : []))
    guard outcome.status == 0 else { throw Laptop.CommandFailed(arguments: ["create-user"], outcome: outcome) }
    return outcome.lastLine
}

/// `eventsd admin grant`; with `seed`, loads the seed first so the event exists.
func grant(database: URL, email: String, event: String, role: String, seed: Bool = false) throws {
    if seed {
        let daemon = try Daemon(database: database)
        daemon.stop()
    }
    let outcome = try run(
        Binaries.eventsd, ["admin", "grant", "--db", database.path, "--email", email, "--event", event, "--role", role])
    guard outcome.status == 0 else { throw Laptop.CommandFailed(arguments: ["grant"], outcome: outcome) }
}

/// A command's JSON output as objects: an array of them, or one.
func jsonObjects(_ text: String) -> [[String: Any]] {
    let value = try? JSONSerialization.jsonObject(with: Data(text.utf8))
    return (value as? [[String: Any]]) ?? (value as? [String: Any]).map { [$0] } ?? []
}
