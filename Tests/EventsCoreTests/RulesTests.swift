import Foundation
import Testing

@testable import EventsCore

/// Each rule, accepted and refused.
@Suite struct RulesTests {
    static let forum = EventDraft(
        slug: "gfmd", title: "GFMD", kind: "forum", series: "GFMD", timezone: "Europe/Brussels", city: "Brussels",
        startsOn: "2007-07-10", endsOn: "2007-07-11")

    /// A forum with governments of both kinds and a roundtable at 11:00–13:00 in Room 1.
    static func forumStore() throws -> (EventsStore, roundtable: String) {
        let store = try temporaryStore()
        try store.addEvent(forum)
        try store.addOrganization(
            name: "Government of Germany", kind: "government", country: "DE", developmentStatus: "developed")
        try store.addOrganization(
            name: "Government of Sweden", kind: "government", country: "SE", developmentStatus: "developed")
        try store.addOrganization(
            name: "Government of Morocco", kind: "government", country: "MA", developmentStatus: "developing")
        try store.addOrganization(name: "Migrant Forum in Asia", kind: "civil-society-diaspora")
        try store.addPerson(name: "Katrin", email: "katrin@example.org", organization: "Government of Germany")
        try store.addPerson(name: "Elin", email: "elin@example.org", organization: "Government of Sweden")
        try store.addPerson(name: "Youssef", email: "youssef@example.org", organization: "Government of Morocco")
        try store.addPerson(name: "Liza", email: "liza@example.org", organization: "Migrant Forum in Asia")
        let roundtable = try store.addSession(
            eventSlug: "gfmd",
            SessionDraft(
                title: "Roundtable 2", format: "roundtable", start: "2007-07-10T11:00", end: "2007-07-10T13:00",
                room: "Room 1"))
        return (store, roundtable)
    }

    static func kinds(_ store: EventsStore) throws -> [Conflict.Kind] {
        try store.conflicts(eventSlug: "gfmd").map(\.kind)
    }

    @Test func gfmdRoundtableNeedsOneDevelopedAndOneDevelopingGovernment() throws {
        let (store, roundtable) = try Self.forumStore()
        #expect(try Self.kinds(store) == [.coChairs])
        try store.addRole(sessionID: roundtable, person: "katrin@example.org", role: "co-chair")
        #expect(try store.conflicts(eventSlug: "gfmd").first?.message.contains("has 1") == true)
        try store.addRole(sessionID: roundtable, person: "elin@example.org", role: "co-chair")
        let message = try #require(try store.conflicts(eventSlug: "gfmd").first?.message)
        #expect(message.contains("one developed- and one developing-country government"))
        try store.removeRole(sessionID: roundtable, person: "elin@example.org", role: "co-chair")
        try store.addRole(sessionID: roundtable, person: "youssef@example.org", role: "co-chair")
        #expect(try Self.kinds(store).isEmpty)
        try store.addRole(sessionID: roundtable, person: "liza@example.org", role: "co-chair")
        #expect(try Self.kinds(store) == [.coChairs])
    }

    @Test func anObserverDoesNotCoChairAGovernmentRoundtable() throws {
        let (store, roundtable) = try Self.forumStore()
        try store.addOrganization(name: "International Organization for Migration", kind: "international-organization")
        try store.addOrganization(name: "Government of Ghana", kind: "government", developmentStatus: "developing")
        try store.addPerson(
            name: "Amy Pope", email: "amy@example.org", organization: "International Organization for Migration")
        try store.addPerson(name: "Kofi Mensah", email: "kofi@example.org", organization: "Government of Ghana")
        try store.addRole(sessionID: roundtable, person: "katrin@example.org", role: "co-chair")
        try store.addRole(sessionID: roundtable, person: "amy@example.org", role: "co-chair")
        let observer = try #require(try store.conflicts(eventSlug: "gfmd").first { $0.kind == .observerCoChair })
        #expect(observer.message.hasPrefix("Amy Pope (International Organization for Migration) observes gfmd"))
        try store.removeRole(sessionID: roundtable, person: "amy@example.org", role: "co-chair")
        try store.addRole(sessionID: roundtable, person: "kofi@example.org", role: "co-chair")
        #expect(try Self.kinds(store).isEmpty)
        try store.addObserver(eventSlug: "gfmd", organization: "Government of Ghana")
        #expect(try Self.kinds(store) == [.observerCoChair], "a government observing the event does not co-chair")
    }

    @Test func aCivilSocietyCoChairIsNotAGovernment() throws {
        let (store, roundtable) = try Self.forumStore()
        try store.addRole(sessionID: roundtable, person: "katrin@example.org", role: "co-chair")
        try store.addRole(sessionID: roundtable, person: "liza@example.org", role: "co-chair")
        #expect(try Self.kinds(store) == [.coChairs])
    }

    @Test func nobodyIsInTwoPlacesAtOnce() throws {
        let (store, roundtable) = try Self.forumStore()
        let parallel = try store.addSession(
            eventSlug: "gfmd",
            SessionDraft(
                title: "Roundtable 3", format: "panel", start: "2007-07-10T12:00", end: "2007-07-10T14:00",
                room: "Room 2"))
        let later = try store.addSession(
            eventSlug: "gfmd",
            SessionDraft(
                title: "Common Space", format: "plenary", start: "2007-07-10T13:00", end: "2007-07-10T14:00",
                room: "Room 3"))
        try store.addRole(sessionID: roundtable, person: "liza@example.org", role: "speaker")
        #expect(throws: EventsError.personBusy(person: "Liza", with: "Roundtable 2")) {
            try store.addRole(sessionID: parallel, person: "liza@example.org", role: "moderator")
        }
        try store.addRole(sessionID: later, person: "liza@example.org", role: "moderator")
        #expect(throws: EventsError.personBusy(person: "Liza", with: "Roundtable 2")) {
            try store.moveSession(id: later, start: "2007-07-10T12:30")
        }
    }

    @Test func aRoomHoldsOneSessionAtATimeAcrossSiblingEvents() throws {
        let (store, _) = try Self.forumStore()
        #expect(throws: EventsError.roomBusy(room: "Room 1", with: "Roundtable 2")) {
            try store.addSession(
                eventSlug: "gfmd",
                SessionDraft(title: "Clash", start: "2007-07-10T12:00", end: "2007-07-10T12:30", room: "Room 1"))
        }
        _ = try store.addSession(
            eventSlug: "gfmd",
            SessionDraft(title: "After", start: "2007-07-10T13:00", end: "2007-07-10T14:00", room: "Room 1"))
        var sibling = Self.forum
        sibling.slug = "gfmd-side-events"
        sibling.series = nil
        try store.addEvent(sibling)
        #expect(throws: EventsError.roomBusy(room: "Room 1", with: "Roundtable 2")) {
            try store.addSession(
                eventSlug: "gfmd-side-events",
                SessionDraft(title: "Side", start: "2007-07-10T11:30", end: "2007-07-10T12:00", room: "Room 1"))
        }
        var elsewhere = sibling
        elsewhere.slug = "elsewhere"
        elsewhere.city = "Manila"
        try store.addEvent(elsewhere)
        _ = try store.addSession(
            eventSlug: "elsewhere",
            SessionDraft(title: "Side", start: "2007-07-10T11:30", end: "2007-07-10T12:00", room: "Room 1"))
    }

    @Test func aCancelledSessionFreesItsRoom() throws {
        let (store, roundtable) = try Self.forumStore()
        let instead = SessionDraft(title: "Instead", start: "2007-07-10T11:00", end: "2007-07-10T12:00", room: "Room 1")
        #expect(throws: EventsError.roomBusy(room: "Room 1", with: "Roundtable 2")) {
            try store.addSession(eventSlug: "gfmd", instead)
        }
        try store.cancelSession(id: roundtable)
        let booked = try store.addSession(eventSlug: "gfmd", instead)
        #expect(try store.session(id: booked).room == "Room 1", "the cancelled session's room is free")
    }

    @Test func aSessionLiesWithinItsEventsDates() throws {
        let (store, roundtable) = try Self.forumStore()
        #expect(throws: EventsError.outsideEvent(session: "Too early", starts: "2007-07-10", ends: "2007-07-11")) {
            try store.addSession(
                eventSlug: "gfmd", SessionDraft(title: "Too early", start: "2007-07-09T23:00", end: "2007-07-10T01:00"))
        }
        _ = try store.addSession(
            eventSlug: "gfmd", SessionDraft(title: "Late", start: "2007-07-11T22:00", end: "2007-07-11T23:59"))
        #expect(throws: EventsError.outsideEvent(session: "Roundtable 2", starts: "2007-07-10", ends: "2007-07-11")) {
            try store.moveSession(id: roundtable, start: "2007-07-12T09:00")
        }
    }

    @Test func capacityIsAPositiveNumber() throws {
        let (store, roundtable) = try Self.forumStore()
        #expect(throws: EventsError.invalidCapacity(0)) {
            try store.editSession(id: roundtable, SessionDraft(capacity: 0))
        }
        #expect(throws: EventsError.invalidCapacity(-3)) {
            try store.addRoom(eventSlug: "gfmd", name: "Annex", capacity: -3)
        }
        try store.editSession(id: roundtable, SessionDraft(capacity: 80))
        #expect(try store.session(id: roundtable).capacity == 80)
    }

    @Test func aSubstituteIsADifferentPerson() throws {
        let (store, roundtable) = try Self.forumStore()
        #expect(throws: EventsError.substituteIsSelf) {
            try store.respond(
                sessionID: roundtable, person: "katrin@example.org", response: "delegated",
                substitute: "katrin@example.org")
        }
        try store.respond(
            sessionID: roundtable, person: "katrin@example.org", response: "delegated", substitute: "elin@example.org")
        let agenda = try store.agenda(eventSlug: "gfmd", person: "katrin@example.org")
        #expect(agenda.items.first?.rsvp?.response == .delegated)
    }

    @Test func invitingTwiceIsOneInvitation() throws {
        let (store, roundtable) = try Self.forumStore()
        _ = try store.invite(eventSlug: "gfmd", sessionID: roundtable, person: "liza@example.org")
        _ = try store.invite(eventSlug: "gfmd", sessionID: roundtable, person: "LIZA@example.org")
        #expect(try store.replica.rows(of: "invitations").count == 1, "one row, however the email is cased")
    }

    @Test func peopleImportIsAllOrNothing() throws {
        let (store, _) = try Self.forumStore()
        let before = try store.people().count
        #expect {
            try store.importPeople(
                csv:
                    "name,email,organization\nAna,ana@example.org,Government of Germany\nBo,bo@example.org,Nowhere Inc\n"
            )
        } throws: { error in
            "\(error)".contains("Line 3: No organization 'Nowhere Inc'")
        }
        #expect(try store.people().count == before)
        #expect(
            try store.importPeople(csv: "name,email,organization,country\n\"Tremblay, David\",david@example.org,,CA\n")
                .created == 1)
        #expect(try store.people().contains { $0.name == "Tremblay, David" && $0.country == "CA" })
    }
}
