import Foundation
import Testing

@testable import EventsCore

/// Local times around daylight-saving changes: a time the clock shows twice needs its offset, a time it skips
/// is refused, the event's dates hold in every zone, exports name an ambiguous instant in UTC, and an agenda
/// says when a session ends on a later day.
@Suite struct LocalTimeTests {
    static func store(zone: String, from first: String, to last: String) throws -> EventsStore {
        let store = try temporaryStore()
        try store.addEvent(
            EventDraft(slug: "summit", title: "Summit", kind: "summit", timezone: zone, startsOn: first, endsOn: last))
        return store
    }

    @Test func aTimeTheClockShowsTwiceNeedsItsOffset() throws {
        let store = try Self.store(zone: "America/New_York", from: "2017-11-04", to: "2017-11-06")
        #expect(
            throws: EventsError.ambiguousLocalTime(
                "2017-11-05T01:30", zone: "America/New_York", offsets: ["-04:00", "-05:00"])
        ) {
            try store.addSession(
                eventSlug: "summit",
                SessionDraft(title: "Night owls", start: "2017-11-05T01:30", end: "2017-11-05T03:00"))
        }
        let second = try store.addSession(
            eventSlug: "summit",
            SessionDraft(title: "Night owls", start: "2017-11-05T01:30-05:00", end: "2017-11-05T03:00"))
        #expect(try store.session(id: second).startsAt == Instant.parse("2017-11-05T06:30:00Z"))
        let calendar = try store.calendar(eventSlug: "summit")
        #expect(
            calendar.contains("DTSTART:20171105T063000Z"),
            "the second 01:30 is written in UTC, not as a TZID local time")
        #expect(calendar.contains("DTEND;TZID=America/New_York:20171105T030000"))
    }

    @Test func aTimeTheClockSkipsIsRefused() throws {
        let store = try Self.store(zone: "America/New_York", from: "2017-03-11", to: "2017-03-13")
        #expect(throws: EventsError.skippedLocalTime("2017-03-12T02:30", zone: "America/New_York")) {
            try store.addSession(
                eventSlug: "summit",
                SessionDraft(title: "Lost hour", start: "2017-03-12T02:30", end: "2017-03-12T04:00"))
        }
    }

    @Test(arguments: [("America/Havana", "2017-03-12"), ("America/Santiago", "2018-08-12")])
    func theEventsDatesHoldWhenItsFirstMidnightIsSkipped(_ zone: String, _ day: String) throws {
        let store = try Self.store(zone: zone, from: day, to: day)
        for start in ["1990-01-01T10:00", "2099-01-01T10:00"] {
            #expect(throws: EventsError.outsideEvent(session: "Elsewhere in time", starts: day, ends: day), "\(start)")
            {
                try store.addSession(
                    eventSlug: "summit",
                    SessionDraft(title: "Elsewhere in time", start: start, end: String(start.prefix(11)) + "11:00"))
            }
        }
        let opening = try store.addSession(
            eventSlug: "summit", SessionDraft(title: "Opening", start: day + "T01:00", end: day + "T02:00"))
        #expect(try store.session(id: opening).title == "Opening")
    }

    @Test func aSessionAcrossMidnightSaysItEndsTheNextDay() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        let start = try #require(Instant.parse("2017-09-18T23:00", in: zone))
        let end = try #require(Instant.parse("2017-09-19T01:00", in: zone))
        #expect(Instant.timeRange(from: start, to: end, in: zone) == "23:00–01:00 (+1 day)")
        #expect(Instant.timeRange(from: start, to: start.addingTimeInterval(1800), in: zone) == "23:00–23:30")
    }

    /// Every instant RFC 3339 allows is read, offsets beyond the ±18:00 formatters know and far years included;
    /// anything else is not an instant.
    @Test func anRFC3339InstantIsReadWithAnyOffsetItAllows() throws {
        let cases: [(String, String)] = [
            ("2017-09-18T09:00:00Z", "2017-09-18T09:00:00Z"), ("2017-09-18t09:00:00z", "2017-09-18T09:00:00Z"),
            ("2017-09-18T11:00:00.5+02:00", "2017-09-18T09:00:00Z"),
            ("0266-05-15T19:32:49-21:05", "0266-05-16T16:37:49Z"),
            ("5061-04-04T14:04:45+23:59", "5061-04-03T14:05:45Z"),
        ]
        for (text, utc) in cases {
            let date = try #require(Instant.rfc3339(text), "\(text)")
            #expect(Instant.format(date) == utc, "\(text)")
        }
        for text in ["2017-09-18T09:00", "2017-09-18T09:00:00+24:00", "2017-13-18T09:00:00Z", "yesterday", ""] {
            #expect(Instant.rfc3339(text) == nil, "\(text)")
        }
    }
}
