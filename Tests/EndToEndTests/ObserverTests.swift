import Foundation
import Sync
import Testing

@testable import EventsCore

/// An international organization observing a State-led meeting, through the real binaries: an organizer invites
/// it as an observer, every attendee's agenda names it as such, only organizers decide, and it can be uninvited.
@Suite(.serialized) struct ObserverTests {
    typealias World = IntegrityTests.World
    static let iom = "International Organization for Migration"

    @Test func anOrganizerInvitesAnOrganizationAsObserverAndEveryAgendaSaysSo() throws {
        let world = try World()
        let store = try EventsStore.open(path: world.database.path, migrations: AccountStore.registerMigrations)
        try store.addOrganization(name: Self.iom, kind: "international-organization", country: "CH")
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let folder = try temporaryFolder()
        let organizer = try Laptop.signedIn(
            "organizer", in: folder, daemon: daemon, token: world.tokens["organizer@example.org"]!)
        let attendee = try Laptop.signedIn(
            "attendee", in: folder, daemon: daemon, token: world.tokens[World.attendees[1]]!)

        for arguments in [["--organization", Self.iom], ["--person", World.attendees[2], "--as", "observer"], []] {
            let refused = try run(
                Binaries.eventsctl, ["--home", organizer.home.path, "invite", "--event", "gms"] + arguments)
            #expect(refused.status == 64 && refused.stderr.split(separator: "\n").count == 1, "\(arguments)")
        }
        let id = try organizer.ok("invite", "--event", "gms", "--organization", Self.iom, "--as", "observer")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id == RowID.observer(event: RowID.event(slug: "gms"), organization: RowID.organization(name: Self.iom)))
        _ = try organizer.ok("sync")
        _ = try attendee.ok("sync")
        #expect(try attendee.ok("agenda", "--event", "gms").contains("Observers: \(Self.iom)"))

        let other = RowID.observer(event: RowID.event(slug: "gms"), organization: "someone-else")
        let forged = try CraftedPushOverHTTPTests.push(
            daemon.url, token: world.tokens[World.attendees[1]]!,
            [
                ("observers", other, nil, .null, 0),
                ("observers", other, "event_id", .text(RowID.event(slug: "gms")), 0),
                ("observers", other, "organization_id", .text("someone-else"), 0),
            ])
        #expect(CraftedPushOverHTTPTests.rejected(forged) > 0, "only organizers name observers")

        let api = "\(daemon.url)/v1/observers"
        let organizerToken = world.tokens["organizer@example.org"]!
        let body = Data(#"{"eventID":"gms","organizationID":"\#(Self.iom)"}"#.utf8)
        #expect(
            try HostileInputTests.request(api, token: organizerToken, body: body).status == 409, "already observing")
        #expect(try HostileInputTests.request(api, token: world.tokens[World.attendees[1]]!, body: body).status == 403)
        let listed = try CraftedPushOverHTTPTests.items("\(api)?event=gms", token: world.tokens[World.attendees[1]]!)
        #expect(listed.map { $0["organizationID"] as? String } == [RowID.organization(name: Self.iom)])

        _ = try organizer.ok("uninvite", "--event", "gms", "--organization", Self.iom)
        _ = try organizer.ok("sync")
        _ = try attendee.ok("sync")
        #expect(try !attendee.ok("agenda", "--event", "gms").contains("Observers"))
    }
}
