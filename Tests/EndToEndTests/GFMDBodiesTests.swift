import Foundation
import Sync
import Testing

@testable import EventsCore

/// The GFMD's bodies through the real binaries: the seed's troika (Belgium present, the Philippines next) and
/// bodies, members with terms kept by the series' organizers and read by everyone, a Steering Group unbalanced
/// between developed and developing governments reported by `conflicts`, and the seed loading again unchanged.
@Suite(.serialized) struct GFMDBodiesTests {
    static let steeringGroup = "Steering Group"

    @Test func theSeriesOrganizersKeepItsBodiesAndConflictsReportAnUnbalancedSteeringGroup() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let organizerToken = try createUser(database: database, email: "anne.dupont@example.org", name: "Anne Dupont")
        let attendeeToken = try createUser(database: database, email: "ramon.santos@example.org", name: "Ramon Santos")
        try grant(
            database: database, email: "anne.dupont@example.org", event: "gfmd-2007", role: "organizer", seed: true)
        var daemon = try Daemon(database: database)
        let organizer = try Laptop.signedIn("organizer", in: folder, daemon: daemon, token: organizerToken)
        let attendee = try Laptop.signedIn("attendee", in: folder, daemon: daemon, token: attendeeToken)

        let troika = jsonObjects(try organizer.ok("bodies", "show", "troika", "--series", "GFMD", "--json"))
        #expect(troika.count == 1)
        #expect(troika.first?["eventSlug"] as? String == "gfmd-2007")
        #expect(troika.first?["present"] as? String == "Government of Belgium")
        #expect(troika.first?["next"] as? String == "Government of the Philippines")
        #expect(troika.first?["past"] == nil)
        let bodies = jsonObjects(try attendee.ok("bodies", "list", "--series", "GFMD", "--json"))
        #expect(
            Set(bodies.compactMap { $0["kind"] as? String }) == [
                "steering-group", "friends-of-the-forum", "advisory-committee",
            ])

        let added = try organizer.ok("bodies", "add", "Working Group on Data", "--series", "GFMD")
        #expect(
            added.trimmingCharacters(in: .whitespacesAndNewlines)
                == RowID.body(series: "GFMD", name: "Working Group on Data"))
        _ = try organizer.ok("events", "host", "--event", "gfmd-2007", "--next-host", "Government of Mexico")
        let announced = jsonObjects(try organizer.ok("bodies", "show", "troika", "--series", "GFMD", "--json"))
        #expect(announced.first?["next"] as? String == "Government of Mexico")
        _ = try organizer.ok("events", "host", "--event", "gfmd-2007", "--next-host", "Government of the Philippines")
        for government in ["Belgium", "Germany", "Sweden", "Philippines"] {
            let name = government == "Philippines" ? "Government of the Philippines" : "Government of \(government)"
            _ = try organizer.ok(
                "bodies", "add-member", Self.steeringGroup, "--series", "GFMD", "--organization", name,
                "--from", "2007-01-01", "--to", "2007-12-31")
        }
        _ = try organizer.ok("sync")
        let unbalanced = try organizer.ok("conflicts", "--event", "gfmd-2007")
        #expect(unbalanced.contains("steering-group-unbalanced"), "\(unbalanced)")
        #expect(unbalanced.contains("3 developed and 1 developing"))

        _ = try organizer.ok(
            "bodies", "add-member", Self.steeringGroup, "--organization", "Government of Morocco", "--from",
            "2007-01-01")
        #expect(try !organizer.ok("conflicts", "--event", "gfmd-2007").contains("steering-group-unbalanced"))
        _ = try organizer.ok("bodies", "remove-member", Self.steeringGroup, "--organization", "Government of Sweden")
        _ = try organizer.ok("sync")

        _ = try attendee.ok("sync")
        let shown = try attendee.ok("bodies", "show", Self.steeringGroup, "--series", "GFMD")
        #expect(shown.contains("Government of Morocco") && shown.contains("2007-12-31"), "\(shown)")
        #expect(!shown.contains("Government of Sweden"))

        for arguments in [
            ["bodies", "add-member", Self.steeringGroup, "--organization", "Nobody at all"],
            [
                "bodies", "add-member", Self.steeringGroup, "--organization", "Government of Ghana", "--from",
                "2007-13-01",
            ],
            [
                "bodies", "add-member", Self.steeringGroup, "--organization", "Government of Ghana", "--from",
                "2008-01-01", "--to", "2007-01-01",
            ],
            ["bodies", "show", "troika"],
            ["bodies", "add", "Working Group", "--series", "GFMD", "--kind", "committee"],
        ] {
            let refused = try run(Binaries.eventsctl, ["--home", organizer.home.path] + arguments)
            #expect(refused.status != 0 && refused.stderr.split(separator: "\n").count == 1, "\(arguments)")
        }

        let term = RowID.bodyMember(
            body: RowID.body(series: "GFMD", name: Self.steeringGroup),
            organization: RowID.organization(name: "Government of Ghana"), from: nil)
        let forged = try CraftedPushOverHTTPTests.push(
            daemon.url, token: attendeeToken,
            [
                ("body_members", term, nil, .null, 0),
                ("body_members", term, "body_id", .text(RowID.body(series: "GFMD", name: Self.steeringGroup)), 0),
                ("body_members", term, "organization_id", .text(RowID.organization(name: "Government of Ghana")), 0),
            ])
        #expect(CraftedPushOverHTTPTests.rejected(forged) > 0, "only the series' organizers keep its bodies")

        let port = try #require(URLComponents(string: daemon.url)?.port)
        daemon.stop()
        daemon = try Daemon(database: database, port: port)
        defer { daemon.stop() }
        _ = try attendee.ok("sync")
        let again = jsonObjects(try attendee.ok("bodies", "list", "--series", "GFMD", "--json"))
        #expect(again.count == 4, "loading the seed again adds nothing")
        #expect(again.contains { $0["name"] as? String == "Working Group on Data" && $0["kind"] as? String == "other" })
        let members = try attendee.ok("bodies", "show", Self.steeringGroup, "--series", "GFMD", "--json")
        #expect((jsonObjects(members).first?["members"] as? [Any])?.count == 4)
    }
}
