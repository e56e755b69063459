import Foundation
import Sync

/// The public web pages of the seeded daemon (the list of events, an event's agenda, one session), fetched by
/// `connections` keep-alive connections at once, against the daemon's health check on the same connections.
struct WebBenchmark {
    let connections: Int
    let pagesPerConnection: Int

    func run() throws -> String {
        let folder = try benchFolder("web")
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("seed")
        let daemon = try DaemonProcess(
            database: folder.appendingPathComponent("eventsd.sqlite"), arguments: ["--seed", seed.path])
        defer { daemon.stop() }
        let first = try CurlTransport(baseURL: daemon.url, token: "")
        let agenda = String(decoding: try first.perform(path: "/events/gfmd-2007", body: nil), as: UTF8.self)
        guard let session = agenda.firstMatch(of: /href="(\/events\/gfmd-2007\/sessions\/[^"]+)"/)?.1 else {
            throw BenchError("the seeded agenda lists no session")
        }
        let paths = ["/", "/events/gfmd-2007", String(session)]
        let total = connections * pagesPerConnection
        let load = HTTPLoad(connections: connections)
        let pages = try load.run(daemon.url, items: (0..<total).map { paths[$0 % paths.count] }) { transport, path in
            _ = try transport.perform(path: path, body: nil)
        }
        let health = try load.run(daemon.url, items: Array(repeating: "/healthz", count: total)) { transport, path in
            _ = try transport.perform(path: path, body: nil)
        }
        return "web: \(Int(pages.rate)) pages/s, p99 \(format(pages.p99 * 1000, 1)) ms "
            + "(baseline /healthz \(Int(health.rate)) req/s p99 \(format(health.p99 * 1000, 1)) ms, "
            + "ratio \(format(pages.rate / health.rate)))"
    }
}
