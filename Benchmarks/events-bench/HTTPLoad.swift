import Foundation
import Sync

/// Requests from `connections` threads at once, each on its own keep-alive connection, timed one by one.
struct HTTPLoad {
    let connections: Int

    struct Result {
        var rate: Double
        var p99: Double
    }

    /// Runs `request` once per item (a token, a path), spread over `connections` threads each with its own
    /// connection.
    func run(
        _ url: String, items: [String], token: String = "",
        request: @escaping @Sendable (CurlTransport, String) throws -> Void
    ) throws -> Result {
        let latencies = Latencies()
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        let perThread = items.count / connections
        for thread in 0..<connections {
            let mine = Array(items[(thread * perThread)..<((thread + 1) * perThread)])
            done.enter()
            Thread {
                defer { done.leave() }
                guard let transport = try? CurlTransport(baseURL: url, token: token) else { return latencies.fail() }
                start.wait()
                for item in mine {
                    let begin = DispatchTime.now().uptimeNanoseconds
                    do { try request(transport, item) } catch { latencies.fail() }
                    latencies.add(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9)
                }
            }.start()
        }
        let (_, seconds) = measure {
            for _ in 0..<connections { start.signal() }
            done.wait()
        }
        guard latencies.failures == 0 else { throw BenchError("\(latencies.failures) requests failed") }
        return Result(rate: Double(items.count) / seconds, p99: latencies.percentile(0.99))
    }
}

final class Latencies: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double] = []
    private(set) var failures = 0

    func add(_ value: Double) { lock.withLock { values.append(value) } }
    func fail() { lock.withLock { failures += 1 } }

    func percentile(_ p: Double) -> Double {
        lock.withLock {
            let sorted = values.sorted()
            return sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
    }
}
