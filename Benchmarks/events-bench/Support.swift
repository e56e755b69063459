import EventsCore
import Foundation
import Sync

/// Wall-clock seconds of a block.
func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

func benchFolder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("events-bench-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func format(_ value: Double, _ digits: Int = 2) -> String {
    String(format: "%.\(digits)f", value)
}

/// The real `eventsd` from the bench's own build folder, on a free loopback port.
final class DaemonProcess {
    let process = Process()
    let url: String

    init(database: URL, arguments: [String] = []) throws {
        let folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        process.executableURL = folder.appendingPathComponent("eventsd")
        let extra =
            ProcessInfo.processInfo.environment["BENCH_EVENTSD_ARGS"]?.split(separator: " ").map(String.init) ?? []
        process.arguments =
            ["serve", "--db", database.path, "--port", "0", "--log-level", "warning"] + arguments + extra
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.standardError
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw BenchError("eventsd exited before it was ready") }
            line.append(chunk)
        }
        url = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The daemon's peak resident memory so far, from /proc.
    func peakResidentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return .nan }
        return kilobytes / 1024
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A daemon database with an administrator, for the scenarios that go through HTTP.
/// The replica is returned beside the store for the scenarios that fill it in bulk, past the commands.
func daemonStore(in folder: URL) throws -> (EventsStore, replica: Replica, token: String) {
    let replica = try Replica(
        path: folder.appendingPathComponent("eventsd.sqlite").path, schema: EventsSchema.replicated,
        migrations: AccountStore.registerMigrations)
    let store = EventsStore(replica: replica)
    let token = try AccountStore(replica: replica).createAccount(
        email: "bench@example.org", name: "Bench", isAdmin: true
    ).token
    return (store, replica, token)
}
