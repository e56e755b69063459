import Foundation
import Sync
import Testing

@testable import EventsCore

/// A session's working papers through the real binaries: added offline by an organizer, listed, shown in every
/// attendee's agenda, attached to the calendar entry, served by the API, refused to an attendee, removed.
@Suite(.serialized) struct WorkingPaperTests {
    typealias World = IntegrityTests.World

    @Test func anOrganizerAddsAPaperOfflineAndEveryAgendaAndCalendarCarriesIt() throws {
        let world = try World()
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let folder = try temporaryFolder()
        let organizer = try Laptop.signedIn(
            "organizer", in: folder, daemon: daemon, token: world.tokens["organizer@example.org"]!)
        let attendee = try Laptop.signedIn(
            "attendee", in: folder, daemon: daemon, token: world.tokens[World.attendees[1]]!)

        let paper = try organizer.ok(
            "documents", "add", "--session", world.inSalon, "--title", "Background paper: cities and labour markets",
            "--url", "https://example.org/papers/rt1-background.pdf", "--language", "fr"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(paper == RowID.document(session: world.inSalon, url: "https://example.org/papers/rt1-background.pdf"))
        let bad = try organizer.run("documents", "add", "--session", world.inSalon, "--title", "X", "--url", "ftp://x")
        #expect(bad.status != 0 && bad.stderr.split(separator: "\n").count == 1)
        let listed = try organizer.ok("documents", "list", "--session", world.inSalon)
        #expect(listed.contains("Background paper: cities and labour markets") && listed.contains("fr"))
        _ = try organizer.ok("sync")
        _ = try attendee.ok("sync")

        #expect(
            try attendee.ok("agenda", "--event", "gms").contains(
                "Paper: Background paper: cities and labour markets [fr]"))
        let calendar = try attendee.ok("agenda", "--event", "gms", "--ics")
        #expect(calendar.contains("ATTACH:https://example.org/papers/rt1-background.pdf"))
        let published = try HostileInputTests.request(
            "\(daemon.url)/v1/events/gms/agenda.ics", method: "GET", token: nil)
        #expect(String(decoding: published.body, as: UTF8.self).contains("ATTACH:https://example.org/papers/"))
        let overHTTP = try CraftedPushOverHTTPTests.items(
            "\(daemon.url)/v1/documents?event=gms", token: world.tokens[World.attendees[1]]!)
        #expect(overHTTP.map { $0["id"] as? String } == [paper])

        let forged = try HostileInputTests.request(
            "\(daemon.url)/v1/documents", token: world.tokens[World.attendees[1]]!,
            body: Data(#"{"sessionID":"\#(world.inSalon)","title":"Mine","url":"https://example.org/mine"}"#.utf8))
        #expect(forged.status == 403, "attendees do not add papers")

        let deleted = try HostileInputTests.request(
            "\(daemon.url)/v1/sessions/\(world.inSalon)", method: "DELETE",
            token: world.tokens["organizer@example.org"]!)
        #expect(deleted.status == 409, "a session with papers is not deleted from under them")
        _ = try organizer.ok("documents", "remove", paper)
        _ = try organizer.ok("sync")
        _ = try attendee.ok("sync")
        #expect(try attendee.ok("documents", "list", "--session", world.inSalon).contains("No documents"))
        #expect(!(try attendee.ok("agenda", "--event", "gms", "--ics")).contains("ATTACH"))
    }
}
