import Foundation
import Sync
import Testing

@testable import EventsCore

/// New acceptances are decided from the seats and places already given (the daemon's group commit needs seat
/// decisions that do not re-read the whole queue); whatever the mix of answers, the decisions are those a full
/// reconsideration of every session gives.
@Suite struct IncrementalSeatTests {
    typealias World = IntegrityTests.World

    @Test func decisionsTakenOneArrivalAtATimeAreThoseOfTheWholeQueue() throws {
        let world = try World()
        let store = try EventsStore.open(path: world.database.path, migrations: AccountStore.registerMigrations)
        let accounts = AccountStore(replica: store.replica)
        let twoSeats = try store.addSession(
            eventSlug: "gms",
            SessionDraft(title: "Two seats", start: "2017-09-18T16:00", end: "2017-09-18T17:00", capacity: 2))
        let people = ["organizer@example.org"] + World.attendees
        func answer(_ email: String, _ session: String, _ response: String) throws {
            let account = try #require(try accounts.account(forToken: world.tokens[email]!))
            _ = try store.acting(as: account.id).respond(sessionID: session, person: email, response: response)
        }
        func decision(_ session: String, _ email: String) throws -> String {
            let row = try store.replica.rows(of: "rsvps").first { $0["id"] == .text(World.rsvp(session, email)) }
            guard let row else { return "no answer" }
            let position: String
            if case .integer(let place)? = row["waitlist_position"] { position = " \(place)" } else { position = "" }
            return (row["decision"]?.text ?? "none") + position
        }
        for email in people { try answer(email, twoSeats, "accepted") }
        #expect(
            try people.map { try decision(twoSeats, $0) } == ["confirmed", "confirmed", "waitlisted 1", "waitlisted 2"])
        try answer(people[0], twoSeats, "declined")
        #expect(try people.map { try decision(twoSeats, $0) } == ["none", "confirmed", "confirmed", "waitlisted 1"])
        try answer(people[0], twoSeats, "accepted")
        #expect(try decision(twoSeats, people[0]) == "waitlisted 2", "back at the end of the queue")
        try answer(World.attendees[1], world.closed, "accepted")
        try answer(World.attendees[0], world.closed, "accepted")
        #expect(try decision(world.closed, World.attendees[1]) == "refused")
        #expect(try decision(world.closed, World.attendees[0]) == "confirmed")

        let closedEvent = try store.addSession(
            eventSlug: "gms",
            SessionDraft(
                title: "Two seats, later closed", start: "2017-09-19T16:00", end: "2017-09-19T17:00", capacity: 2))
        try answer(World.attendees[1], closedEvent, "accepted")
        try answer(World.attendees[2], closedEvent, "accepted")
        let organizer = try #require(try accounts.account(forToken: world.tokens["organizer@example.org"]!))
        let event = try store.event(slug: "gms")
        try store.acting(as: organizer.id).editEvent(id: event.id, EventChanges(invitationOnly: true))
        #expect(try decision(closedEvent, World.attendees[1]) == "refused", "the event closed: seats decided again")
        try store.acting(as: organizer.id).invite(eventSlug: "gms", sessionID: nil, person: World.attendees[0])
        try answer(World.attendees[0], closedEvent, "accepted")
        #expect(try decision(closedEvent, World.attendees[0]) == "confirmed", "not behind the refused ones")

        let before = try store.replica.rows(of: "rsvps")
        try store.replica.write { write in
            try SeatAllocator.renumber([twoSeats, world.closed, world.oneSeat, closedEvent], writer: &write)
        }
        let after = try store.replica.rows(of: "rsvps")
        func described(_ rows: [[String: SyncValue]]) -> Set<String> {
            Set(rows.map { row in row.keys.sorted().map { "\($0)=\(row[$0]!)" }.joined(separator: " ") })
        }
        #expect(after.count == 9)
        #expect(described(after) == described(before), "a full reconsideration changes nothing")
    }
}
