import Foundation
import GRDB
import Testing

@testable import EventsCore

/// What changed between two states of a programme, kind by kind, told on the event's clock.
@Suite struct ScheduleComparisonTests {
    typealias State = ScheduleSnapshot.SessionState
    typealias Person = ScheduleSnapshot.PersonInRole

    static let event = try! Event(row: Row(["id": "e1", "slug": "gfmd-2007", "timezone": "Europe/Brussels"]))
    static let katrin = Person(role: .coChair, personID: "p1", name: "Katrin Weber", organization: "Germany")
    static let youssef = Person(role: .coChair, personID: "p2", name: "Youssef Alaoui", organization: "Morocco")
    static let maria = Person(role: .coChair, personID: "p3", name: "María Hernández", organization: "Mexico")

    /// A session on 10 July 2007 from `hour` for two hours (Brussels summer time, UTC+2).
    static func session(
        _ id: String, _ title: String, hour: Int = 11, room: String? = "Room 1", status: SessionStatus = .scheduled,
        people: [Person] = []
    ) -> State {
        let start = Date(timeIntervalSince1970: 1_184_025_600 + Double(hour - 2) * 3600)
        return State(
            id: id, title: title, format: .roundtable, startsAt: start, endsAt: start.addingTimeInterval(7200),
            room: room, status: status, people: people)
    }

    static func changes(_ before: [State], _ after: [State]) -> [ScheduleChange] {
        ScheduleComparison(
            from: ScheduleSnapshot(eventID: "e1", sessions: before),
            to: ScheduleSnapshot(eventID: "e1", sessions: after),
            of: event
        ).changes
    }

    @Test func everyKindIsToldWithWhatItWasAndWhatItIs() {
        let before = [
            Self.session("a", "Roundtable 1", hour: 9, people: [Self.katrin, Self.youssef]),
            Self.session("b", "Roundtable 2", hour: 11, status: .cancelled),
            Self.session("c", "Roundtable 3", hour: 14),
            Self.session("d", "Roundtable 4", hour: 16),
        ]
        let after = [
            Self.session("a", "Roundtable 1: labour", hour: 10, room: "Room 2", people: [Self.katrin, Self.maria]),
            Self.session("b", "Roundtable 2", hour: 11),
            Self.session("c", "Roundtable 3", hour: 14, status: .cancelled),
            Self.session("e", "Side event", hour: 18, room: nil),
        ]
        let changes = Self.changes(before, after)
        #expect(
            changes.map(\.kind) == [.moved, .room, .retitled, .people, .reinstated, .cancelled, .cancelled, .added])
        #expect(changes[0].before == "Tue 2007-07-10 09:00–11:00" && changes[0].after == "Tue 2007-07-10 10:00–12:00")
        #expect(changes[1].before == "Room 1" && changes[1].after == "Room 2")
        #expect(changes[3].before == "co-chair: Youssef Alaoui (Morocco)")
        #expect(changes[3].after == "co-chair: María Hernández (Mexico)")
        #expect(changes[4].before == "cancelled" && changes[4].after == "Tue 2007-07-10 11:00–13:00, Room 1")
        #expect(changes[5].sessionID == "c" && changes[5].after == "cancelled")
        #expect(changes[6].sessionID == "d" && changes[6].after == "removed from the programme")
        #expect(changes[7].before == nil && changes[7].after == "Tue 2007-07-10 18:00–20:00")
        #expect(Set(changes.map(\.event)) == ["gfmd-2007"])
    }

    @Test func nothingChangedIsNoChangeAndACancelledNewcomerIsNoNews() {
        let same = [Self.session("a", "Roundtable 1", people: [Self.katrin])]
        #expect(Self.changes(same, same).isEmpty)
        #expect(Self.changes([], [Self.session("x", "Dropped", status: .cancelled)]).isEmpty)
    }

    @Test func aNewOrderOfTheSamePeopleShowsBothListsAndAForgottenPersonKeepsTheRole() {
        let reordered = Self.changes(
            [Self.session("a", "R", people: [Self.katrin, Self.youssef])],
            [Self.session("a", "R", people: [Self.youssef, Self.katrin])])
        #expect(reordered.map(\.kind) == [.people])
        #expect(reordered.first?.before?.hasPrefix("co-chair: Katrin Weber") == true)
        let forgotten = Self.changes(
            [Self.session("a", "R", people: [Self.katrin, .forgotten(.coChair)])],
            [Self.session("a", "R", people: [Self.katrin, Self.maria])])
        #expect(forgotten.first?.before == "co-chair: someone no longer listed")
    }

    @Test func theCanonicalFormHashesOneProgrammeOneWay() throws {
        let one = ScheduleSnapshot(eventID: "e1", sessions: [Self.session("b", "B"), Self.session("a", "A")])
        let other = ScheduleSnapshot(eventID: "e1", sessions: [Self.session("a", "A"), Self.session("b", "B")])
        #expect(try one.hash() == other.hash())
        #expect(try ScheduleSnapshot.decode(one.canonicalJSON()) == one)
        #expect(try one.hash() != ScheduleSnapshot(eventID: "e1", sessions: [Self.session("a", "A")]).hash())
    }
}
