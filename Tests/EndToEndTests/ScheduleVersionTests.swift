import Foundation
import Sync
import Testing

@testable import EventsCore

/// Published schedule versions through the real binaries: numbers given by the daemon in arrival order, what
/// changed since a version, an attendee told of their own sessions' changes after a sync and reading them
/// offline, and the rules on who publishes.
@Suite(.serialized) struct ScheduleVersionTests {
    typealias World = IntegrityTests.World
    static let organizer = "organizer@example.org"
    static let secondOrganizer = "second.organizer@example.org"

    struct Listed: Decodable, Equatable {
        var number: Int?
        var note: String?
        var hash: String?
    }

    static func versions(_ laptop: Laptop) throws -> [Listed] {
        try JSONDecoder().decode(
            [Listed].self, from: Data(try laptop.ok("schedule", "versions", "--event", "gms", "--json").utf8))
    }

    static func changes(_ laptop: Laptop, _ arguments: String...) throws -> [ScheduleChange] {
        let outcome = try run(
            Binaries.eventsctl, ["--home", laptop.home.path, "schedule", "changes"] + arguments + ["--json"])
        guard outcome.status == 0 else { throw Laptop.CommandFailed(arguments: arguments, outcome: outcome) }
        return try JSONDecoder().decode([ScheduleChange].self, from: Data(outcome.stdout.utf8))
    }

    /// The world of the integrity tests with a second organizer of its event.
    static func worldWithTwoOrganizers() throws -> World {
        var world = try World()
        world.tokens[secondOrganizer] = try createUser(
            database: world.database, email: secondOrganizer, name: "Second Organizer")
        try grant(database: world.database, email: secondOrganizer, event: "gms", role: "organizer")
        return world
    }

    @Test func twoOrganizersPublishingOfflineGetTwoNumbersInTheOrderTheyArrive() throws {
        let world = try Self.worldWithTwoOrganizers()
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let folder = try temporaryFolder()
        let ana = try Laptop.signedIn("ana", in: folder, daemon: daemon, token: world.tokens[Self.organizer]!)
        let ben = try Laptop.signedIn("ben", in: folder, daemon: daemon, token: world.tokens[Self.secondOrganizer]!)

        // Both offline: each edits and publishes; each laptop shows its own publication pending.
        _ = try ana.ok("sessions", "move", world.inSalon, "--start", "2017-09-18T16:00")
        _ = try ana.ok("schedule", "publish", "--event", "gms", "--note", "Salon talk moves to 16:00")
        _ = try ben.ok("sessions", "edit", world.oneSeat, "--title", "Mayors' working breakfast")
        _ = try ben.ok("schedule", "publish", "--event", "gms", "--note", "Breakfast renamed")
        for laptop in [ana, ben] {
            #expect(try Self.versions(laptop).map(\.number) == [nil])
            #expect(try laptop.ok("schedule", "versions", "--event", "gms").contains("pending"))
        }
        for laptop in [ana, ben, ana] { _ = try laptop.ok("sync") }

        // Again, the other one reaching the daemon first; Ana publishes, edits and publishes again offline.
        _ = try ben.ok("sessions", "cancel", world.closed)
        _ = try ben.ok("schedule", "publish", "--event", "gms", "--note", "Closed roundtable cancelled")
        _ = try ana.ok("schedule", "publish", "--event", "gms", "--note", "Second publication by Ana")
        _ = try ana.ok("sessions", "edit", world.inSalon, "--title", "Salon conversation")
        _ = try ana.ok("schedule", "publish", "--event", "gms", "--note", "Salon retitled")
        for laptop in [ben, ana, ben] { _ = try laptop.ok("sync") }

        let onAna = try Self.versions(ana)
        #expect(onAna.map(\.number) == [1, 2, 3, 4, 5], "never two versions with one number")
        #expect(
            onAna.map(\.note) == [
                "Salon talk moves to 16:00", "Breakfast renamed", "Closed roundtable cancelled",
                "Second publication by Ana", "Salon retitled",
            ])
        #expect(try Self.versions(ben) == onAna, "both laptops hold the daemon's numbers")
        let overHTTP = try CraftedPushOverHTTPTests.get(
            "\(daemon.url)/v1/events/gms/versions", token: world.tokens[Self.organizer]!)
        let listed = try #require(overHTTP.body["versions"] as? [[String: Any]])
        #expect(listed.map { $0["number"] as? Int } == [1, 2, 3, 4, 5])
        #expect(listed.map { $0["hash"] as? String } == onAna.map(\.hash))
        let hashes = onAna.compactMap(\.hash)
        #expect(Set(hashes.prefix(3)).count == 3, "each of the first three versions recorded a different programme")
        #expect(hashes[3] == hashes[2], "nothing changed between the third and the fourth")
        #expect(hashes[4] != hashes[3], "a version records what its laptop wrote before it, not after")

        let sinceFirst = try Self.changes(ana, "--event", "gms", "--since", "1")
        #expect(sinceFirst.map(\.kind) == [.retitled, .cancelled, .retitled])
        #expect(sinceFirst.map(\.sessionID) == [world.oneSeat, world.closed, world.inSalon])
        #expect(
            sinceFirst.first?.before == "Mayors' breakfast" && sinceFirst.first?.after == "Mayors' working breakfast")
        let sinceTheBeginning = try Self.changes(ana, "--event", "gms", "--since", "0")
        #expect(Set(sinceTheBeginning.map(\.kind)) == [.added], "a cancelled session is not added")
        #expect(Set(sinceTheBeginning.map(\.sessionID)) == [world.oneSeat, world.inSalon])
        #expect(try ana.ok("schedule", "changes", "--event", "gms").contains("No changes to gms since version 5."))
        let file = folder.appendingPathComponent("schedule.xml")
        _ = try ana.ok("agenda", "--event", "gms", "--schedule-xml", file.path)
        #expect(
            try String(contentsOf: file, encoding: .utf8).contains("<version>5: Salon retitled</version>"))
    }

    @Test func anAttendeeLearnsAfterASyncThatTheirRoundtableMovedAndReadsItOffline() throws {
        let world = try World()
        let attendee = World.attendees[0]
        let store = try EventsStore.open(path: world.database.path, migrations: AccountStore.registerMigrations)
        try store.invite(eventSlug: "gms", sessionID: nil, person: attendee)
        try store.addRole(sessionID: world.inSalon, person: attendee, role: "speaker")
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let folder = try temporaryFolder()
        let organizer = try Laptop.signedIn(
            "organizer", in: folder, daemon: daemon, token: world.tokens[Self.organizer]!)
        let laptop = try Laptop.signedIn("attendee", in: folder, daemon: daemon, token: world.tokens[attendee]!)
        _ = try laptop.ok("rsvp", world.closed, "accept")
        #expect(!(try laptop.ok("sync")).contains("of your sessions changed"), "an answer changes no programme")

        _ = try organizer.ok("sessions", "move", world.closed, "--start", "2017-09-19T11:00", "--room", "Salon")
        _ = try organizer.ok("sessions", "edit", world.oneSeat, "--title", "Mayors' working breakfast")
        _ = try organizer.ok("sessions", "delete", world.inSalon)
        _ = try organizer.ok("schedule", "publish", "--event", "gms", "--note", "Roundtable moves to Tuesday")
        _ = try organizer.ok("sync")
        #expect(try laptop.ok("sync").contains("2 of your sessions changed: eventsctl schedule changes --mine"))
        daemon.stop()

        let mine = try Self.changes(laptop, "--mine")
        #expect(mine.map(\.kind) == [.cancelled, .moved, .room], "only the attendee's own sessions: \(mine)")
        #expect(mine.map(\.sessionID) == [world.inSalon, world.closed, world.closed])
        #expect(mine[0].before == "Mon 2017-09-18 14:00–15:00, Salon" && mine[0].after == "removed from the programme")
        #expect(mine[1].before == "Mon 2017-09-18 10:00–11:00" && mine[1].after == "Tue 2017-09-19 11:00–12:00")
        #expect(mine[2].before == "no room" && mine[2].after == "Salon")
        let text = try laptop.ok("schedule", "changes", "--mine", "--event", "gms")
        #expect(text.contains("gms:") && text.contains("moved") && text.contains("Closed roundtable"))
        #expect(text.contains("Mon 2017-09-18 10:00–11:00 → Tue 2017-09-19 11:00–12:00"))
    }

    @Test func onlyOrganizersPublishAndOnlyTheDaemonNumbers() throws {
        let world = try World()
        let store = try EventsStore.open(path: world.database.path, migrations: AccountStore.registerMigrations)
        try store.editEvent(id: StableID.make("event", "gms"), EventChanges(invitationOnly: true, published: false))
        try store.invite(eventSlug: "gms", sessionID: nil, person: World.attendees[1])
        try store.addEvent(
            EventDraft(
                slug: "draft", title: "Draft summit", kind: "summit", timezone: "UTC", startsOn: "2030-01-01",
                endsOn: "2030-01-02", published: false))
        let admin = try createUser(database: world.database, email: "admin@example.org", name: "Admin", admin: true)
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let organizer = world.tokens[Self.organizer]!
        let attendee = world.tokens[World.attendees[1]]!
        let url = "\(daemon.url)/v1/events/gms/versions"
        let published = try HostileInputTests.request(url, token: organizer, body: Data(#"{"note":"First"}"#.utf8))
        #expect(published.status == 201)
        let first = PushedValueTests.json(published.body)
        #expect(first["number"] as? Int == 1 && first["publishedBy"] as? String == Self.organizer)
        #expect(try HostileInputTests.request(url, token: attendee, body: Data("{}".utf8)).status == 403)

        let forged = UUID().uuidString.lowercased()
        let event = StableID.make("event", "gms")
        let byAttendee = try CraftedPushOverHTTPTests.push(
            daemon.url, token: attendee,
            [("schedule_versions", forged, nil, .null, 0), ("schedule_versions", forged, "event_id", .text(event), 0)])
        #expect(CraftedPushOverHTTPTests.rejected(byAttendee) > 0, "attendees do not publish")
        let numbered = UUID().uuidString.lowercased()
        let byOrganizer = try CraftedPushOverHTTPTests.push(
            daemon.url, token: organizer,
            [
                ("schedule_versions", numbered, nil, .null, 0),
                ("schedule_versions", numbered, "event_id", .text(event), 0),
                ("schedule_versions", numbered, "number", .integer(1), 0),
            ])
        #expect(CraftedPushOverHTTPTests.rejected(byOrganizer) > 0, "a number is the daemon's to give")
        let firstID = try #require(first["id"] as? String)
        let rewritten = try CraftedPushOverHTTPTests.push(
            daemon.url, token: organizer, [("schedule_versions", firstID, "note", .text("Rewritten"), 0)],
            ahead: 60_000)
        #expect(CraftedPushOverHTTPTests.rejected(rewritten) > 0, "a published version is a record")
        let listed = try CraftedPushOverHTTPTests.get(url, token: organizer).body["versions"] as? [[String: Any]]
        #expect(listed?.map { $0["number"] as? Int } == [1])
        #expect(listed?.first?["note"] as? String == "First")

        let twice = [UUID().uuidString.lowercased(), UUID().uuidString.lowercased()]
        let crafted = try CraftedPushOverHTTPTests.push(
            daemon.url, token: organizer,
            twice.flatMap { id in
                [("schedule_versions", id, nil, .null, 0), ("schedule_versions", id, "event_id", .text(event), 0)]
            })
        #expect(CraftedPushOverHTTPTests.rejected(crafted) == 0)
        let afterCrafted = try CraftedPushOverHTTPTests.get(url, token: organizer).body["versions"] as? [[String: Any]]
        #expect(afterCrafted?.map { $0["number"] as? Int } == [1, 2], "one publication of an event per batch")
        let withdrawn = try CraftedPushOverHTTPTests.push(
            daemon.url, token: organizer, [("schedule_versions", firstID, nil, .null, 0)], causalLength: 2)
        #expect(CraftedPushOverHTTPTests.rejected(withdrawn) > 0, "organizers do not withdraw a version")
        let secondID = try #require(afterCrafted?.last?["id"] as? String)
        let byAdmin = try CraftedPushOverHTTPTests.push(
            daemon.url, token: admin, [("schedule_versions", secondID, nil, .null, 0)], causalLength: 2)
        #expect(CraftedPushOverHTTPTests.rejected(byAdmin) == 0, "an administrator withdraws one")
        let third = PushedValueTests.json(
            try HostileInputTests.request(url, token: organizer, body: Data("{}".utf8)).body)
        #expect(third["number"] as? Int == 3, "a withdrawn version's number is not given again")
        let draft = try HostileInputTests.request(
            "\(daemon.url)/v1/events/draft/versions", token: admin, body: Data("{}".utf8))
        #expect(draft.status == 422)
        #expect(PushedValueTests.json(draft.body)["rule"] as? String == "version-of-an-event-with-audience")

        #expect(
            try CraftedPushOverHTTPTests.get(url, token: attendee).status == 200, "an invitee of the event reads them")
        // The closed roundtable's invitee sees one session, not the programme: its versions are not hers.
        let invitee = world.tokens[World.attendees[0]]!
        #expect(try CraftedPushOverHTTPTests.get(url, token: invitee).status == 404)
        #expect(try CraftedPushOverHTTPTests.get("\(daemon.url)/v1/events/gms/changes", token: invitee).status == 404)
        let changes = "\(daemon.url)/v1/events/gms/changes"
        #expect(try CraftedPushOverHTTPTests.get("\(changes)?since=0", token: organizer).status == 200)
        #expect(try CraftedPushOverHTTPTests.get("\(changes)?since=2", token: organizer).status == 404, "withdrawn")
        #expect(try CraftedPushOverHTTPTests.get("\(changes)?since=3", token: organizer).status == 200)
        #expect(try CraftedPushOverHTTPTests.get("\(changes)?since=4", token: organizer).status == 404)
        #expect(try CraftedPushOverHTTPTests.get("\(changes)?since=-1", token: organizer).status == 400)
        #expect(try CraftedPushOverHTTPTests.get("\(changes)?since=first", token: organizer).status == 400)
    }
}
