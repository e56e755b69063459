import EventsCore
import Foundation
import Sync

/// A fresh laptop pulls an event of `people` participants and ten field values per participant (1,000,000 for
/// 100,000 people) from the real daemon over loopback through libcurl.
struct InitialSyncBenchmark {
    let people: Int

    func run() throws -> String {
        let folder = try benchFolder("initial")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, replica, token) = try daemonStore(in: folder)
        let (values, seedSeconds) = try measure { try seed(store, replica) }
        FileHandle.standardError.write(
            Data("initial-sync: seeded \(values) field values in \(format(seedSeconds, 1)) s\n".utf8))
        let daemon = try DaemonProcess(database: folder.appendingPathComponent("eventsd.sqlite"))
        defer { daemon.stop() }
        let laptop = try Replica(
            path: folder.appendingPathComponent("laptop.sqlite").path, schema: EventsSchema.replicated)
        let client = SyncClient(
            replica: laptop, transport: try CurlTransport(baseURL: daemon.url, token: token))
        let (report, seconds) = try measure { try client.sync() }
        let pulledPeople = try laptop.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM people") ?? 0 }
        guard pulledPeople == people else { throw BenchError("the laptop holds \(pulledPeople) people, not \(people)") }
        return "initial-sync: \(format(seconds)) s for \(values) values, \(report.pulled) records "
            + "(baseline goal 10.00 s, ratio \(format(10 / seconds)))"
    }

    /// People (4 fields), one invitation each (4 fields) and an RSVP for every other one (4 fields).
    private func seed(_ store: EventsStore, _ replica: Replica) throws -> Int {
        try store.addEvent(
            EventDraft(
                slug: "big", title: "A very large summit", kind: "summit", timezone: "Europe/Zurich",
                startsOn: "2026-06-01",
                endsOn: "2026-06-03"))
        let event = try store.event(slug: "big")
        let session = try store.addSession(
            eventSlug: "big", SessionDraft(title: "Plenary", start: "2026-06-01T09:00", end: "2026-06-01T12:00"))
        var values = 0
        let chunk = 5_000
        for start in stride(from: 0, to: people, by: chunk) {
            try replica.write { write in
                for number in start..<min(people, start + chunk) {
                    let person = "person-\(number)"
                    let fields: [(String, [String: SyncValue])] =
                        [
                            (
                                "people",
                                [
                                    "name": .text("Participant \(number)"), "email": .text("p\(number)@example.org"),
                                    "organization_id": .text("org-\(number % 500)"), "country": .text("CH"),
                                ]
                            ),
                            (
                                "invitations",
                                [
                                    "event_id": .text(event.id), "session_id": .null, "person_id": .text(person),
                                    "invited_by": .text("bench"),
                                ]
                            ),
                        ]
                        + (number % 2 == 0
                            ? [
                                (
                                    "rsvps",
                                    [
                                        "session_id": .text(session), "person_id": .text(person),
                                        "response": .text("accepted"),
                                        "responded_at": .text("2026-05-01T10:00:00Z"),
                                    ]
                                )
                            ]
                            : [])
                    for (table, row) in fields {
                        try write.insert(
                            into: table, id: table == "people" ? person : "\(table)-\(number)", values: row)
                        values += row.count
                    }
                }
            }
        }
        return values
    }
}
