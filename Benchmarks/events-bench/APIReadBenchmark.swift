import EventsCore
import Foundation

/// Reads of the seeded daemon under wrk (2 threads, 32 connections): one session by id, a page of 100 sessions
/// and a published event's `agenda.ics`, each against `/healthz` of the same daemon in the same run.
struct APIReadBenchmark {
    let seconds: Int

    func run() throws -> String {
        let folder = try benchFolder("api-read")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _, token) = try daemonStore(in: folder)
        try store.addEvent(
            EventDraft(
                slug: "reads", title: "Reads", kind: "summit", timezone: "Europe/Zurich", startsOn: "2026-06-01",
                endsOn: "2026-06-03", published: true))
        var sessions: [String] = []
        for number in 0..<120 {
            let start = "2026-06-0\(1 + number / 40)T\(10 + number % 10):"
            sessions.append(
                try store.addSession(
                    eventSlug: "reads",
                    SessionDraft(title: "Session \(number)", start: start + "00", end: start + "45", capacity: 100)))
        }
        let seed = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("seed")
        let daemon = try DaemonProcess(
            database: folder.appendingPathComponent("eventsd.sqlite"), arguments: ["--seed", seed.path])
        defer { daemon.stop() }
        let wrk = Wrk(base: daemon.url, token: token, seconds: seconds)
        let health = try wrk.rate("/healthz")
        let row = try wrk.rate("/v1/sessions/\(sessions[7])")
        let page = try wrk.rate("/v1/sessions?event=reads&limit=100")
        let agenda = try wrk.rate("/v1/events/gfmd-2007/agenda.ics")
        func figure(_ rate: Double) -> String { "\(Int(rate)) req/s (ratio \(format(rate / health)))" }
        return "api-read: one-row \(figure(row)), page \(figure(page)), agenda.ics \(figure(agenda)) "
            + "vs /healthz \(Int(health)) req/s"
    }
}

/// The wrk load generator (Debian's `wrk`, installed by `scripts/bench.sh`): 2 threads, 32 connections.
struct Wrk {
    let base: String
    let token: String
    let seconds: Int

    /// Requests per second `path` is answered at; any answer other than 2xx fails the run.
    func rate(_ path: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
        process.arguments = [
            "-t2", "-c32", "-d\(seconds)s", "-H", "Authorization: Bearer \(token)", base + path,
        ]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard !text.contains("Non-2xx"), !text.contains("Socket errors"),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Requests/sec:") }),
            let rate = Double(line.dropFirst("Requests/sec:".count).trimmingCharacters(in: .whitespaces))
        else { throw BenchError("wrk \(path): \(text)") }
        return rate
    }
}
