import EventsCore
import Foundation
import Sync
import Testing

/// The HTTP API and the laptops are two doors to the same data: a write through the API reaches a laptop on its
/// next `eventsctl sync`, and a laptop's synced write is readable, changeable and deletable through the API.
/// Real `eventsd`, real `eventsctl`, libcurl for the API calls.
@Suite(.serialized) struct APISyncTests {
    struct SessionRow: Decodable {
        var id: String
        var title: String
    }

    static func laptopSessions(_ laptop: Laptop, event: String) throws -> [SessionRow] {
        try JSONDecoder().decode(
            [SessionRow].self, from: Data(laptop.ok("sessions", "list", "--event", event, "--json").utf8))
    }

    static func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func apiWritesReachLaptopsAndLaptopWritesReachTheAPI() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let adminToken = try createUser(
            database: database, email: "liza.reyes@example.org", name: "Liza Reyes", admin: true)
        let attendeeToken = try createUser(database: database, email: "anne.dupont@example.org", name: "Anne Dupont")
        try grant(
            database: database, email: "anne.dupont@example.org", event: "gfmd-2007", role: "attendee", seed: true)
        let daemon = try Daemon(database: database)
        defer { daemon.stop() }
        let organizer = try Laptop.signedIn("organizer", in: folder, daemon: daemon, token: adminToken)
        let attendee = try Laptop.signedIn("attendee", in: folder, daemon: daemon, token: attendeeToken)
        let api = try CurlTransport(baseURL: daemon.url, token: adminToken)
        let attendeeAPI = try CurlTransport(baseURL: daemon.url, token: attendeeToken)

        let created = try Self.json(
            api.perform(
                path: "/v1/sessions",
                body: Data(
                    #"{"eventID":"gfmd-2007","title":"Briefing for the press","startsAt":"2007-07-11T18:00","endsAt":"2007-07-11T18:45","room":"Press Room"}"#
                        .utf8)))
        let apiSession = try #require(created["id"] as? String)
        let seeded = try #require(
            try Self.laptopSessions(organizer, event: "gfmd-2007").first { $0.title.hasPrefix("Roundtable 2") })
        _ = try api.perform(
            path: "/v1/sessions/\(seeded.id)",
            body: Data(#"{"title":"Roundtable 2: remittances (renamed through the API)"}"#.utf8), method: "PATCH")
        let answer = try Self.json(
            attendeeAPI.perform(
                path: "/v1/rsvps", body: Data("{\"sessionID\":\"\(apiSession)\",\"response\":\"accepted\"}".utf8)))
        #expect(answer["decision"] as? String == "confirmed", "the seat is decided before the API answers")

        _ = try organizer.ok("sync")
        let onLaptop = try Self.laptopSessions(organizer, event: "gfmd-2007")
        #expect(onLaptop.contains { $0.id == apiSession && $0.title == "Briefing for the press" })
        #expect(
            onLaptop.contains {
                $0.id == seeded.id && $0.title == "Roundtable 2: remittances (renamed through the API)"
            })
        _ = try attendee.ok("sync")
        let agenda = try attendee.ok("agenda", "--event", "gfmd-2007")
        #expect(agenda.contains("Briefing for the press"))
        #expect(
            agenda.contains("Your RSVP: accepted"),
            "the attendee's own laptop receives the answer given through the API")

        let laptopID = try organizer.ok(
            "sessions", "add", "--event", "gfmd-2007", "--title", "Steering Group debrief", "--start",
            "2007-07-11T19:00",
            "--end", "2007-07-11T20:00", "--room", "Press Room"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try organizer.ok("sync")
        let listed = try Self.json(api.perform(path: "/v1/sessions?event=gfmd-2007&limit=1000", body: nil))
        let items = try #require(listed["items"] as? [[String: Any]])
        #expect(
            items.contains { $0["id"] as? String == laptopID && $0["title"] as? String == "Steering Group debrief" })

        _ = try api.perform(
            path: "/v1/sessions/\(laptopID)", body: Data(#"{"status":"cancelled"}"#.utf8), method: "PATCH")
        _ = try organizer.ok("sync")
        #expect(try organizer.ok("agenda", "--event", "gfmd-2007").contains("CANCELLED: Steering Group debrief"))

        Self.expectRefusal(try organizer.run("sessions", "delete", apiSession))
        let answered = StableID.make("rsvp", apiSession, StableID.make("person", "anne.dupont@example.org"))
        _ = try api.perform(path: "/v1/rsvps/\(answered)", body: nil, method: "DELETE")
        _ = try organizer.ok("sync")
        _ = try organizer.ok("sessions", "delete", apiSession)
        _ = try organizer.ok("sync")
        #expect(throws: SyncError.self) { try api.perform(path: "/v1/sessions/\(apiSession)", body: nil) }
        let attendeeList = try attendeeAPI.perform(path: "/v1/sessions?event=gfmd-2007&limit=1000", body: nil)
        #expect(
            !String(decoding: attendeeList, as: UTF8.self).contains(apiSession),
            "deleted on the laptop, gone from the API")

        let metrics = String(decoding: try api.perform(path: "/metrics", body: nil), as: UTF8.self).split(
            separator: "\n")
        func value(_ series: String) -> Double? {
            metrics.first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
        }
        #expect(value("eventsd_sync_batches_total") == 2, "the organizer pushed a new session, then its deletion")
        #expect((value(#"eventsd_sync_changes_total{outcome="accepted"}"#) ?? 0) >= 2)
        #expect(
            (value(
                #"hb_requests{http_route="/v1/sessions",http_request_method="POST",http_response_status_code="201"}"#)
                ?? 0) == 1)
    }

    /// A session someone answered is not deleted: one line on stderr, a non-zero exit.
    static func expectRefusal(_ outcome: Outcome) {
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("still used by 1 rsvps"), "\(outcome.stderr)")
    }
}
