import EventsCore
import Foundation
import Sync

/// Bytes on the wire per changed field, value bytes excluded, for a push of `changes` fields from one laptop
/// and the pull of them by another, through the real daemon and libcurl.
struct WireBenchmark {
    let changes: Int

    func run() throws -> String {
        let folder = try benchFolder("wire")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, _, token) = try daemonStore(in: folder)
        let daemon = try DaemonProcess(database: folder.appendingPathComponent("eventsd.sqlite"))
        defer { daemon.stop() }
        let author = try Replica(
            path: folder.appendingPathComponent("author.sqlite").path, schema: EventsSchema.replicated)
        var valueBytes = 0
        var fields = 0
        let perTransaction = 25
        for batch in 0..<max(1, changes / 4 / perTransaction) {
            try author.write { write in
                for index in 0..<perTransaction {
                    let number = batch * perTransaction + index
                    let values: [String: SyncValue] = [
                        "name": .text("Participant \(number)"), "email": .text("participant\(number)@example.org"),
                        "affiliation": .text("Organization \(number % 200)"),
                        "country": .text(["GH", "PH", "MX", "DE"][number % 4]),
                    ]
                    try write.insert(
                        into: "people", id: RowID.person(email: "participant\(number)@example.org"), values: values)
                    valueBytes += values.values.reduce(0) { $0 + $1.payloadSize }
                    fields += values.count
                }
            }
        }
        let records = try author.clientStatus().pendingChanges
        let pushTransport = try CurlTransport(baseURL: daemon.url, token: token)
        pushTransport.countsBytes = true
        var report = SyncClient.Report()
        try SyncClient(replica: author, transport: pushTransport).push(into: &report)
        guard report.refused == 0 else {
            let reasons = try author.read { db in
                try String.fetchAll(db, sql: "SELECT DISTINCT reason FROM sync_refusals LIMIT 3")
            }
            throw BenchError("the daemon refused \(report.refused) pushed changes: \(reasons)")
        }
        let reader = try Replica(
            path: folder.appendingPathComponent("reader.sqlite").path, schema: EventsSchema.replicated)
        let pullTransport = try CurlTransport(baseURL: daemon.url, token: token)
        pullTransport.countsBytes = true
        try SyncClient(replica: reader, transport: pullTransport).pull(into: &report)
        let push = Double(pushTransport.bytesSent + pushTransport.bytesReceived - valueBytes) / Double(fields)
        let pull = Double(pullTransport.bytesSent + pullTransport.bytesReceived - valueBytes) / Double(fields)
        let worst = max(push, pull)
        return
            "wire: \(format(worst, 1)) B/field overhead (push \(format(push, 1)), pull \(format(pull, 1)); \(fields) fields, \(records) records) "
            + "(baseline Yjs map updates 32 B/field, ratio \(format(32 / worst)))"
    }
}
