import EventsCore
import Foundation
import Sync

/// `connections` concurrent keep-alive connections post RSVPs, each a different person, to the real daemon
/// (each answered only after its transaction commits), then the same connections call a no-op route of the
/// same daemon; also reports the daemon's peak resident memory.
struct RSVPLoadBenchmark {
    let connections: Int
    let rsvpsPerConnection: Int

    func run() throws -> [String] {
        let folder = try benchFolder("rsvp")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, replica, _) = try daemonStore(in: folder)
        let total = connections * rsvpsPerConnection
        let capacity = total * 2 / 3
        try store.addEvent(
            EventDraft(
                slug: "load", title: "Load", kind: "summit", timezone: "UTC", startsOn: "2026-06-01",
                endsOn: "2026-06-01", published: true))
        let session = try store.addSession(
            eventSlug: "load",
            SessionDraft(
                title: "Popular session", start: "2026-06-01T09:00", end: "2026-06-01T10:00", capacity: capacity))
        let accounts = AccountStore(replica: replica)
        var tokens: [String] = []
        try replica.write { write in
            for number in 0..<total {
                try write.insert(
                    into: "people", id: StableID.make("person", "a\(number)@example.org"),
                    values: ["name": .text("A\(number)"), "email": .text("a\(number)@example.org")])
            }
        }
        for number in 0..<total {
            tokens.append(
                try accounts.createAccount(email: "a\(number)@example.org", name: "A\(number)", isAdmin: false).token)
        }
        let daemon = try DaemonProcess(database: folder.appendingPathComponent("eventsd.sqlite"))
        let body = Data("{\"response\":\"accepted\"}".utf8)
        let load = HTTPLoad(connections: connections)
        let rsvp = try load.run(daemon.url, items: tokens) { transport, token in
            transport.token = token
            _ = try transport.perform(path: "/v1/sessions/\(session)/rsvp", body: body)
        }
        let noop = try load.run(daemon.url, items: tokens) { transport, _ in
            _ = try transport.perform(path: "/healthz", body: nil)
        }
        let peak = daemon.peakResidentMegabytes()
        daemon.stop()
        let decisions = try replica.read { db in
            try Dictionary(
                grouping: String.fetchAll(db, sql: "SELECT coalesce(decision, 'none') FROM rsvps"), by: { $0 }
            ).mapValues(\.count)
        }
        let confirmed = decisions["confirmed"] ?? 0
        let kept = decisions.values.reduce(0, +)
        let verdict =
            kept == total && confirmed == capacity
            ? "none lost, \(confirmed)/\(capacity) seats" : "CHECK FAILED: \(decisions)"
        return [
            "rsvp-load: \(Int(rsvp.rate)) RSVPs/s, p99 \(format(rsvp.p99 * 1000, 1)) ms, \(verdict) "
                + "(baseline no-op route \(Int(noop.rate)) req/s p99 \(format(noop.p99 * 1000, 1)) ms, ratio \(format(rsvp.rate / noop.rate)))",
            "rss: \(format(peak, 1)) MB peak resident during rsvp-load (baseline goal 100 MB, ratio \(format(100 / peak)))",
        ]
    }
}
