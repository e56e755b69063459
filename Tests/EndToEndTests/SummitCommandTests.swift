import Foundation
import Testing

/// Every organizer and attendee command through the real `eventsctl`, with its error paths, and the conflict
/// that two organizers create offline without seeing it.
@Suite(.serialized) struct SummitCommandTests {
    struct Fixture {
        let folder: URL
        let daemon: Daemon
        let organizer: Laptop
        let colleague: Laptop

        init() throws {
            folder = try temporaryFolder()
            let database = folder.appendingPathComponent("eventsd.sqlite")
            let first = try createUser(
                database: database, email: "liza.reyes@example.org", name: "Liza Reyes", admin: true)
            let second = try createUser(
                database: database, email: "anne.dupont@example.org", name: "Anne Dupont", admin: true)
            daemon = try Daemon(database: database)
            organizer = try Laptop.signedIn("organizer", in: folder, daemon: daemon, token: first)
            colleague = try Laptop.signedIn("colleague", in: folder, daemon: daemon, token: second)
        }
    }

    static func sessionID(_ laptop: Laptop, event: String, title: String) throws -> String {
        struct Row: Decodable {
            var id: String
            var title: String
        }
        let rows = try JSONDecoder().decode(
            [Row].self, from: Data(laptop.ok("sessions", "list", "--event", event, "--json").utf8))
        return try #require(rows.first { $0.title == title }?.id)
    }

    static func expectFailure(
        _ outcome: Outcome, mentioning text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(outcome.status != 0, sourceLocation: sourceLocation)
        #expect(outcome.stderr.contains(text), "stderr was: \(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stderr.split(separator: "\n").count == 1, sourceLocation: sourceLocation)
    }

    @Test func twoOrganizersDoubleBookTheSameCoChairOffline() throws {
        let fixture = try Fixture()
        let a = fixture.organizer
        let b = fixture.colleague
        let labour = try Self.sessionID(
            a, event: "gfmd-2007", title: "Roundtable 1: human capital development and labour mobility")
        let remittances = try Self.sessionID(
            a, event: "gfmd-2007", title: "Roundtable 2: remittances and other diaspora resources")
        #expect(try a.ok("conflicts", "--event", "gfmd-2007").contains("No conflicts"))
        _ = try a.ok("chairs", "add", "--session", labour, "--person", "amina.diallo@example.org", "--role", "speaker")
        _ = try b.ok(
            "chairs", "add", "--session", remittances, "--person", "amina.diallo@example.org", "--role", "speaker")
        Self.expectFailure(
            try a.run(
                "chairs", "add", "--session", remittances, "--person", "amina.diallo@example.org", "--role", "moderator"
            ),
            mentioning: "already on")
        for laptop in [a, b, a] { _ = try laptop.ok("sync") }
        for laptop in [a, b] {
            let report = try laptop.ok("conflicts", "--event", "gfmd-2007", "--json")
            #expect(report.contains("person-double-booked"))
            #expect(report.contains("Amina Diallo is on both"))
        }
        fixture.daemon.stop()
    }

    @Test func everyOrganizerCommandWorksAndRefusesBadInput() throws {
        let fixture = try Fixture()
        let a = fixture.organizer
        let eventID = try a.ok(
            "events", "add", "--slug", "gfmd-2008", "--title", "GFMD second meeting", "--kind", "forum", "--series",
            "GFMD",
            "--timezone", "Asia/Manila", "--starts", "2008-10-27", "--ends", "2008-10-30", "--city", "Manila")
        #expect(!eventID.isEmpty)
        Self.expectFailure(
            try a.run(
                "events", "add", "--slug", "gfmd-2008", "--title", "x", "--timezone", "Asia/Manila", "--starts",
                "2008-10-27", "--ends", "2008-10-30"), mentioning: "already exists")
        Self.expectFailure(
            try a.run(
                "events", "add", "--slug", "bad", "--title", "x", "--timezone", "Mars/Olympus", "--starts",
                "2008-10-27", "--ends", "2008-10-30"), mentioning: "IANA")
        _ = try a.ok(
            "segments", "add", "--event", "gfmd-2008", "--name", "Civil Society Days", "--starts", "2008-10-27",
            "--ends", "2008-10-28")
        #expect(try a.ok("segments", "list", "--event", "gfmd-2008").contains("Civil Society Days"))
        _ = try a.ok("rooms", "add", "--event", "gfmd-2008", "--name", "Hall A", "--capacity", "120")
        Self.expectFailure(
            try a.run("rooms", "add", "--event", "gfmd-2008", "--name", "Hall B", "--capacity", "0"),
            mentioning: "positive")
        #expect(try a.ok("rooms", "list", "--event", "gfmd-2008").contains("120"))
        _ = try a.ok(
            "orgs", "add", "--name", "Government of Ecuador", "--kind", "government", "--country", "EC", "--status",
            "developing")
        Self.expectFailure(
            try a.run("orgs", "add", "--name", "X", "--kind", "club"), mentioning: "not a known organization kind")
        Self.expectFailure(
            try a.run("orgs", "add", "--name", "X", "--kind", "company", "--status", "developed"),
            mentioning: "Only governments")
        #expect(try a.ok("orgs", "list").contains("Government of Ecuador"))
        _ = try a.ok(
            "people", "add", "--name", "Lucía Andrade", "--email", "lucia.andrade@example.org", "--organization",
            "Government of Ecuador")
        Self.expectFailure(
            try a.run("people", "add", "--name", "Nobody", "--email", "not-an-email"), mentioning: "not an email")
        let csv = fixture.folder.appendingPathComponent("people.csv")
        try "name,email,organization,country\nTomás Ortega,tomas.ortega@example.org,Government of Ecuador,EC\n".write(
            to: csv, atomically: true, encoding: .utf8)
        #expect(
            try a.ok("people", "import", csv.path).contains(
                "Imported 1 people (1 created, 0 updated, 0 unchanged, 0 skipped)"))
        try "name,email\n\"Broken,broken@example.org\nNilufar Rahimi,nilufar@example.org\n".write(
            to: csv, atomically: true, encoding: .utf8)
        Self.expectFailure(
            try a.run("people", "import", csv.path), mentioning: "Line 2: a quoted field is never closed")
        let skipping = try a.run("people", "import", "--skip-invalid", csv.path)
        #expect(
            skipping.status == 0 && skipping.stdout.contains("1 created") && skipping.stderr.contains("skipped: Line 2")
        )
        try "name,email,organization\nBad Row,bad@example.org,No Such Org\n".write(
            to: csv, atomically: true, encoding: .utf8)
        Self.expectFailure(try a.run("people", "import", csv.path), mentioning: "Line 2")
        Self.expectFailure(try a.run("people", "import", "/nonexistent.csv"), mentioning: "Cannot read")
        #expect(try a.ok("people", "list").contains("Tomás Ortega"))

        let roundtable = try a.ok(
            "sessions", "add", "--event", "gfmd-2008", "--title", "Roundtable 1: protecting migrants", "--start",
            "2008-10-29T09:00",
            "--end", "2008-10-29T11:00", "--room", "Hall A", "--format", "roundtable", "--segment",
            "Civil Society Days", "--capacity", "80"
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        Self.expectFailure(
            try a.run(
                "sessions", "add", "--event", "gfmd-2008", "--title", "x", "--start", "2008-10-29T09:00", "--end",
                "2008-10-29T10:00", "--format", "party"), mentioning: "session format")
        Self.expectFailure(
            try a.run(
                "sessions", "add", "--event", "gfmd-2008", "--title", "x", "--start", "2008-10-29T10:00", "--end",
                "2008-10-29T10:30", "--room", "Hall A"), mentioning: "already booked")
        Self.expectFailure(
            try a.run(
                "sessions", "add", "--event", "gfmd-2008", "--title", "x", "--start", "2008-11-02T10:00", "--end",
                "2008-11-02T10:30"), mentioning: "within the event")
        _ = try a.ok(
            "sessions", "edit", roundtable, "--title", "Roundtable 1: protecting migrants' rights",
            "--no-invitation-only")
        Self.expectFailure(try a.run("sessions", "edit", roundtable), mentioning: "Nothing to change")
        Self.expectFailure(try a.run("sessions", "edit", "no-such-id", "--title", "x"), mentioning: "No session")
        _ = try a.ok("chairs", "add", "--session", roundtable, "--person", "lucia.andrade@example.org")
        #expect(try a.ok("conflicts", "--event", "gfmd-2008").contains("exactly two co-chairs"))
        _ = try a.ok("chairs", "add", "--session", roundtable, "--person", "katrin.weber@example.org")
        #expect(try a.ok("conflicts", "--event", "gfmd-2008").contains("No conflicts"))
        #expect(try a.ok("chairs", "list", "--session", roundtable).contains("Government of Germany"))
        _ = try a.ok("chairs", "remove", "--session", roundtable, "--person", "katrin.weber@example.org")
        Self.expectFailure(
            try a.run("chairs", "remove", "--session", roundtable, "--person", "katrin.weber@example.org"),
            mentioning: "No co-chair role")
        _ = try a.ok("sessions", "move", roundtable, "--start", "2008-10-29T14:00")
        #expect(try a.ok("sessions", "list", "--event", "gfmd-2008").contains("14:00–16:00"))
        _ = try a.ok("invite", "--event", "gfmd-2008", "--session", roundtable, "--person", "tomas.ortega@example.org")
        Self.expectFailure(
            try a.run("invite", "--event", "gfmd-2008", "--person", "ghost@example.org"), mentioning: "No person")
        let declaration = try a.ok("declarations", "add", "--event", "gfmd-2008", "--title", "Manila statement")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try a.ok("declarations", "list", "--event", "gfmd-2008").contains("Manila statement"))
        _ = try a.ok("sessions", "cancel", roundtable)
        #expect(try a.ok("agenda", "--event", "gfmd-2008").contains("CANCELLED: Roundtable 1"))
        Self.expectFailure(try a.run("sessions", "delete", roundtable), mentioning: "still used by 1 invitations")
        _ = try a.ok(
            "uninvite", "--event", "gfmd-2008", "--session", roundtable, "--person", "tomas.ortega@example.org")
        Self.expectFailure(
            try a.run(
                "uninvite", "--event", "gfmd-2008", "--session", roundtable, "--person", "tomas.ortega@example.org"),
            mentioning: "No invitation")
        _ = try a.ok("sessions", "delete", roundtable)
        Self.expectFailure(try a.run("sessions", "delete", roundtable), mentioning: "No session")
        _ = try a.ok("sync")
        #expect(try fixture.colleague.ok("sync").contains("pulled"))
        #expect(try fixture.colleague.ok("declarations", "list", "--event", "gfmd-2008").contains(declaration))
        fixture.daemon.stop()
    }

    @Test func attendeesAnswerAndSignFromTheTerminal() throws {
        let fixture = try Fixture()
        let me = fixture.organizer
        let plenary = try Self.sessionID(
            me, event: "pss-2016", title: "Plenary: a Call to Action for the private sector")
        #expect(try me.ok("rsvp", plenary, "accept").contains("accepted"))
        #expect(try me.ok("agenda", "--event", "pss-2016").contains("Your RSVP: accepted"))
        let file = fixture.folder.appendingPathComponent("mine.ics")
        _ = try me.ok("agenda", "--event", "pss-2016", "--ics", file.path, "--mine")
        let exported = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
        #expect(exported.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(exported.contains("PARTSTAT=ACCEPTED;CN=Liza Reyes:mailto:liza.reyes@example.org"))
        #expect(exported.components(separatedBy: "BEGIN:VEVENT").count == 2)
        #expect(try me.ok("agenda", "--event", "pss-2016", "--ics").components(separatedBy: "BEGIN:VEVENT").count == 7)
        Self.expectFailure(try me.run("agenda", "--event", "pss-2016", "--json", "--ics"), mentioning: "not both")
        #expect(try me.ok("feed").contains("/v1/feeds/feed_"))
        #expect(try me.ok("feed", "--revoke").contains("Revoked"))
        _ = try me.ok("rsvp", plenary, "tentative")
        _ = try me.ok("rsvp", plenary, "decline")
        _ = try me.ok("rsvp", plenary, "delegate", "--to", "peter.otieno@example.org")
        Self.expectFailure(
            try me.run("rsvp", plenary, "delegate", "--to", "liza.reyes@example.org"), mentioning: "different person")
        Self.expectFailure(try me.run("rsvp", plenary, "delegate"), mentioning: "--to")
        Self.expectFailure(try me.run("rsvp", plenary, "maybe"), mentioning: "accept, decline")
        Self.expectFailure(try me.run("rsvp", "no-such-session", "accept"), mentioning: "No session")
        let agenda = try me.ok("agenda", "--event", "pss-2016", "--json")
        #expect(agenda.contains("\"response\" : \"delegated\""))
        #expect(
            try me.ok(
                "sign", "Call to Action for the private sector on refugees", "--reservation",
                "Subject to our board's approval."
            ).contains("reservation"))
        Self.expectFailure(try me.run("sign", "No such declaration"), mentioning: "No declaration")
        let stranger = Laptop(home: fixture.folder.appendingPathComponent("stranger"))
        Self.expectFailure(try stranger.run("sync"), mentioning: "Not logged in")
        Self.expectFailure(
            try stranger.run("login", "--server", fixture.daemon.url, "--token", "evt_wrong"),
            mentioning: "refused the credentials")
        Self.expectFailure(
            try stranger.run("login", "--server", "ftp://nowhere", "--token", "x"), mentioning: "http(s) URL")
        #expect(try me.ok("events", "list").contains("gfmd-2007"))
        #expect(try me.ok("events", "list", "--json").contains("\"slug\" : \"pss-2016\""))
        Self.expectFailure(try stranger.run("agenda", "--event", "pss-2016"), mentioning: "No event")
        _ = try me.ok("sync")
        #expect(try me.ok("status").contains("Pending changes:  0"))
        fixture.daemon.stop()
    }
}
