import Foundation
import Sync
import Testing

@testable import EventsCore

/// A plenary's list of speakers through the real binaries: delegations inscribe offline, every laptop agrees on
/// the protocol order once synced (rank first, then the order the inscriptions reached the daemon), estimated
/// starts follow the session's minutes per statement, and only colleagues inscribe or withdraw one another.
@Suite(.serialized) struct SpeakersListTests {
    typealias World = IntegrityTests.World
    static let (first, second, third) = (World.attendees[0], World.attendees[1], World.attendees[2])

    struct Listed: Decodable, Equatable {
        struct Entry: Decodable, Equatable {
            var personID: String
            var name: String
            var rank: String
            var onBehalfOf: String?
            var estimatedStart: String
            var provisional: Bool
        }
        var statementMinutes: Int
        var entries: [Entry]
    }

    static func list(_ laptop: Laptop, _ session: String) throws -> Listed {
        try JSONDecoder().decode(
            Listed.self, from: Data(try laptop.ok("statements", "list", "--session", session, "--json").utf8))
    }

    /// The integrity world with two delegates of Ecuador, one of the IOM, and a plenary for statements.
    static func world() throws -> (World, plenary: String) {
        let world = try World()
        let store = try EventsStore.open(path: world.database.path, migrations: AccountStore.registerMigrations)
        try store.addOrganization(
            name: "Government of Ecuador", kind: "government", country: "EC", developmentStatus: "developing")
        try store.addOrganization(name: "International Organization for Migration", kind: "international-organization")
        try store.addPerson(name: "Ana Ruiz", email: first, organization: "Government of Ecuador")
        try store.addPerson(name: "Luis Mena", email: second, organization: "Government of Ecuador")
        try store.addPerson(name: "Amy Pope", email: third, organization: "International Organization for Migration")
        let plenary = try store.addSession(
            eventSlug: "gms",
            SessionDraft(
                title: "Plenary: statements", format: "plenary", start: "2017-09-19T09:00", end: "2017-09-19T12:00"))
        return (world, plenary)
    }

    @Test func delegationsInscribeOfflineAndEveryLaptopAgreesOnTheProtocolOrder() throws {
        let (world, plenary) = try Self.world()
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let folder = try temporaryFolder()
        let organizer = try Laptop.signedIn(
            "organizer", in: folder, daemon: daemon, token: world.tokens["organizer@example.org"]!)
        let ecuador = try Laptop.signedIn("ecuador", in: folder, daemon: daemon, token: world.tokens[Self.first]!)
        let iom = try Laptop.signedIn("iom", in: folder, daemon: daemon, token: world.tokens[Self.third]!)
        _ = try organizer.ok("sessions", "edit", plenary, "--statement-minutes", "7")
        _ = try organizer.ok("sync")

        // Offline: Ecuador inscribes its minister and its head of State; the IOM inscribes itself as a minister too.
        _ = try ecuador.ok("statements", "inscribe", "--session", plenary, "--person", Self.first, "--rank", "minister")
        _ = try ecuador.ok(
            "statements", "inscribe", "--session", plenary, "--person", Self.second, "--rank", "head-of-state")
        _ = try iom.ok("statements", "inscribe", "--session", plenary, "--person", Self.third, "--rank", "minister")
        let offline = try Self.list(ecuador, plenary)
        #expect(
            offline.entries.map(\.personID) == [RowID.person(email: Self.second), RowID.person(email: Self.first)],
            "rank first, even before a sync (a colleague inscribed by email, whose row this laptop does not hold)")
        #expect(offline.entries.allSatisfy { $0.provisional })
        let bad = try ecuador.run(
            "statements", "inscribe", "--session", plenary, "--person", Self.first, "--rank", "king")
        #expect(bad.status != 0 && bad.stderr.contains("head-of-state"))

        // The IOM reaches the daemon first, so among ministers it speaks first.
        for laptop in [iom, ecuador, iom, organizer] { _ = try laptop.ok("sync") }
        let agreed = try Self.list(organizer, plenary)
        #expect(agreed.entries.map(\.name) == ["Luis Mena", "Amy Pope", "Ana Ruiz"])
        #expect(
            agreed.entries.map(\.onBehalfOf) == [
                "Government of Ecuador", "International Organization for Migration", "Government of Ecuador",
            ])
        #expect(agreed.entries.allSatisfy { !$0.provisional })
        #expect(agreed.statementMinutes == 7)
        #expect(
            agreed.entries.map(\.estimatedStart) == [
                "2017-09-19T13:00:00Z", "2017-09-19T13:07:00Z", "2017-09-19T13:14:00Z",
            ], "09:00, 09:07 and 09:14 in New York")
        #expect(try Self.list(ecuador, plenary) == agreed)
        #expect(try Self.list(iom, plenary) == agreed)
        #expect(try organizer.ok("statements", "list", "--session", plenary).contains("09:07  minister"))

        // Rights: colleagues only, and the daemon's order is its own.
        let inscribeIOM = try HostileInputTests.request(
            "\(daemon.url)/v1/sessions/\(plenary)/statements", token: world.tokens[Self.first]!,
            body: Data(#"{"person":"\#(Self.third)","rank":"head-of-state"}"#.utf8))
        #expect(inscribeIOM.status == 403, "Ecuador does not inscribe the IOM")
        let withdrawOther = try HostileInputTests.request(
            "\(daemon.url)/v1/sessions/\(plenary)/statements/\(Self.first)", method: "DELETE",
            token: world.tokens[Self.third]!)
        #expect(withdrawOther.status == 403)
        let statement = RowID.statement(session: plenary, person: RowID.person(email: Self.third))
        let jump = try CraftedPushOverHTTPTests.push(
            daemon.url, token: world.tokens[Self.third]!, [("statements", statement, "arrival", .integer(1), 0)],
            ahead: 60_000)
        #expect(CraftedPushOverHTTPTests.rejected(jump) > 0, "nobody jumps the queue")
        let promoted = try CraftedPushOverHTTPTests.push(
            daemon.url, token: world.tokens[Self.third]!,
            [("statements", statement, "rank", .text("head-of-state"), 0)], ahead: 60_000)
        #expect(CraftedPushOverHTTPTests.rejected(promoted) > 0, "another rank does not keep the place")
        let ecuadorID = StableID.make("organization", "government of ecuador")
        let defected = try HostileInputTests.request(
            "\(daemon.url)/v1/people/\(RowID.person(email: Self.third))", method: "PATCH",
            token: world.tokens[Self.third]!, body: Data(#"{"organizationID":"\#(ecuadorID)"}"#.utf8))
        #expect(defected.status == 403, "a person does not change delegation to inscribe for another")
        _ = try ecuador.ok(
            "statements", "inscribe", "--session", plenary, "--person", Self.first, "--rank", "head-of-state")
        _ = try ecuador.ok("sync")
        #expect(
            try Self.list(ecuador, plenary).entries.map(\.name) == ["Luis Mena", "Ana Ruiz", "Amy Pope"],
            "inscribed anew at another rank: at the end of that rank")

        _ = try ecuador.ok("statements", "withdraw", "--session", plenary, "--person", Self.second)
        _ = try ecuador.ok("sync")
        let overHTTP = try CraftedPushOverHTTPTests.get(
            "\(daemon.url)/v1/sessions/\(plenary)/statements", token: world.tokens[Self.third]!)
        let names = (overHTTP.body["entries"] as? [[String: Any]])?.map { $0["name"] as? String }
        #expect(names == ["Ana Ruiz", "Amy Pope"])
    }
}
