import Foundation
import Sync
import Testing

@testable import EventsCore

/// A roundtable under the Chatham House Rule through the real binaries: participants see who chairs it; the public
/// calendar and schedule, other attendees' laptops and API reads show it without names or recording, saying it
/// is held under the rule; a laptop forgets the names once the session is put under it.
@Suite(.serialized) struct ChathamHouseTests {
    typealias World = IntegrityTests.World
    static let chair = "katrin@example.org"

    @Test func participantsSeeTheNamesAndEveryoneElseTheSessionWithout() throws {
        let world = try World()
        let store = try EventsStore.open(path: world.database.path, migrations: AccountStore.registerMigrations)
        try store.addPerson(name: "Katrin Weber", email: Self.chair)
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let folder = try temporaryFolder()
        let organizer = try Laptop.signedIn(
            "organizer", in: folder, daemon: daemon, token: world.tokens["organizer@example.org"]!)
        let other = try Laptop.signedIn("other", in: folder, daemon: daemon, token: world.tokens[World.attendees[2]]!)
        let roundtable = try organizer.ok(
            "sessions", "add", "--event", "gms", "--title", "Roundtable: return and reintegration", "--start",
            "2017-09-18T16:00", "--end", "2017-09-18T17:00", "--format", "roundtable", "--recording-url",
            "https://example.org/recordings/returns"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try organizer.ok("chairs", "add", "--session", roundtable, "--person", Self.chair, "--role", "co-chair")
        _ = try organizer.ok("sync")
        _ = try other.ok("sync")
        #expect(try JoinLinkTests.filesHold("Katrin Weber", laptop: other), "an open roundtable names its chair")

        _ = try organizer.ok("schedule", "publish", "--event", "gms", "--note", "Returns roundtable chaired")
        _ = try organizer.ok(
            "statements", "inscribe", "--session", roundtable, "--person", Self.chair, "--rank", "minister")
        _ = try organizer.ok("sessions", "edit", roundtable, "--chatham-house")
        _ = try organizer.ok("sync")
        _ = try other.ok("sync")
        #expect(try !JoinLinkTests.filesHold("Katrin Weber", laptop: other), "the laptop forgot the chair's name")
        #expect(try !JoinLinkTests.filesHold("https://example.org/recordings/returns", laptop: other))
        let othersAgenda = try other.ok("agenda", "--event", "gms")
        #expect(othersAgenda.contains("Roundtable: return and reintegration"))
        #expect(othersAgenda.contains("Held under the Chatham House Rule") && !othersAgenda.contains("Co-chair"))
        let organizersAgenda = try organizer.ok("agenda", "--event", "gms")
        #expect(organizersAgenda.contains("Co-chair: Katrin Weber"))

        let calendar = String(
            decoding: try HostileInputTests.request("\(daemon.url)/v1/events/gms/agenda.ics", method: "GET", token: nil)
                .body, as: UTF8.self
        ).replacingOccurrences(of: "\r\n ", with: "")
        #expect(calendar.contains("SUMMARY:Roundtable: return and reintegration"))
        #expect(calendar.contains("Held under the Chatham House Rule"))
        #expect(!calendar.contains("Katrin Weber") && !calendar.contains("recordings/returns"))
        let schedule = String(
            decoding: try HostileInputTests.request(
                "\(daemon.url)/v1/events/gms/schedule.json", method: "GET", token: nil
            )
            .body, as: UTF8.self)
        #expect(!schedule.contains("Katrin Weber") && schedule.contains("Held under the Chatham House Rule"))

        let token = world.tokens[World.attendees[2]]!
        let changes = try HostileInputTests.request(
            "\(daemon.url)/v1/events/gms/changes?since=0", method: "GET", token: token)
        #expect(!String(decoding: changes.body, as: UTF8.self).contains("Katrin"), "nor an earlier version")
        let speakers = "\(daemon.url)/v1/sessions/\(roundtable)/statements"
        let list = try CraftedPushOverHTTPTests.get(speakers, token: token).body
        #expect((list["entries"] as? [Any])?.isEmpty == true, "nor its list of speakers")
        let organizers = try CraftedPushOverHTTPTests.get(speakers, token: world.tokens["organizer@example.org"]!)
        #expect((organizers.body["entries"] as? [Any])?.count == 1)
        for person in [Self.chair, "nobody@example.org"] {
            let withdrawn = try HostileInputTests.request("\(speakers)/\(person)", method: "DELETE", token: token)
            #expect(withdrawn.status == 404, "an inscription it may not read is not found, whether it exists or not")
        }
        let roles = try CraftedPushOverHTTPTests.items("\(daemon.url)/v1/session-roles?event=gms", token: token)
        #expect(!roles.contains { $0["sessionID"] as? String == roundtable }, "no names through the API either")
        let session = try CraftedPushOverHTTPTests.get("\(daemon.url)/v1/sessions/\(roundtable)", token: token).body
        #expect(session["chathamHouse"] as? Bool == true && session["recordingURL"] == nil)
        let chairsView = try CraftedPushOverHTTPTests.items(
            "\(daemon.url)/v1/session-roles?event=gms", token: world.tokens["organizer@example.org"]!)
        #expect(chairsView.contains { $0["sessionID"] as? String == roundtable }, "organizers take part")

        // An invitee of the event takes part: she sees the names.
        _ = try organizer.ok("invite", "--event", "gms", "--person", World.attendees[2])
        _ = try organizer.ok("sync")
        _ = try other.ok("sync")
        #expect(try other.ok("agenda", "--event", "gms").contains("Co-chair: Katrin Weber"))
    }
}
