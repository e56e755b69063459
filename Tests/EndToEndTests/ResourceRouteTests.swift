import EventsCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Sync
import Testing

@testable import eventsd

/// Every JSON resource through HummingbirdTesting, on a seeded database: the whole life of a row (create,
/// duplicate, read, list, change, delete) as an administrator, and the refusals an attendee, a missing token,
/// a malformed body and the domain's rules get.
@Suite struct ResourceRouteTests {
    /// One resource's story. `$session`, `$otherSession` and `$declaration` in bodies are replaced by seeded ids.
    struct Story: Sendable, CustomStringConvertible {
        var path: String
        var create: String
        /// The status of creating the same row again: 409 where a natural key identifies it (for a session, its
        /// room at that time is taken).
        var again: Int
        var change: String
        var changedField: String
        var changedValue: String
        /// A creation the domain refuses, with its status.
        var refused: String
        var refusedStatus: Int = 422
        /// Whether the attendee sees the new row: if not, changing it is answered as for a row that does not exist.
        var visibleToAttendee = true
        /// The event whose list holds the new row; `nil` lists without a filter.
        var listEvent: String? = "gms-2017"
        /// The status of the attendee's attempt to create the row: 404 where it names a row hidden from them.
        var attendeeStatus = 403
        var description: String { path }
    }

    static let stories: [Story] = [
        Story(
            path: "events",
            create:
                #"{"slug":"gfmd-2008","title":"GFMD 2008","kind":"forum","timezone":"Asia/Manila","startsOn":"2008-10-27","endsOn":"2008-10-30"}"#,
            again: 409, change: #"{"title":"GFMD Manila"}"#, changedField: "title", changedValue: "GFMD Manila",
            refused:
                #"{"slug":"gfmd-2009","title":"GFMD 2009","kind":"forum","timezone":"Europe/Geneva","startsOn":"2009-11-02","endsOn":"2009-11-05"}"#,
            listEvent: "gfmd-2008"),
        Story(
            path: "segments", create: #"{"eventID":"gms-2017","name":"Side events"}"#, again: 409,
            change: #"{"name":"Side events day"}"#,
            changedField: "name", changedValue: "Side events day", refused: #"{"eventID":"gms-2017","name":"  "}"#),
        Story(
            path: "rooms", create: #"{"eventID":"gms-2017","name":"Press Room","capacity":12}"#, again: 409,
            change: #"{"name":"Press Centre"}"#,
            changedField: "name", changedValue: "Press Centre",
            refused: #"{"eventID":"gms-2017","name":"Cupboard","capacity":0}"#),
        Story(
            path: "sessions",
            create:
                #"{"eventID":"gms-2017","title":"Press briefing","startsAt":"2017-09-19T18:00","endsAt":"2017-09-19T18:30","room":"Press Room"}"#,
            again: 409, change: #"{"title":"Press conference"}"#, changedField: "title",
            changedValue: "Press conference",
            refused:
                #"{"eventID":"gms-2017","title":"Too late","startsAt":"2017-12-01T10:00","endsAt":"2017-12-01T11:00"}"#),
        Story(
            path: "organizations", create: #"{"name":"City of Accra","kind":"city","country":"GH"}"#, again: 409,
            change: #"{"country":"Ghana"}"#, changedField: "country", changedValue: "Ghana",
            refused: #"{"name":"Pirates","kind":"pirates"}"#,
            listEvent: nil),
        Story(
            path: "people", create: #"{"name":"Kofi Mensah","email":"kofi.mensah@example.org"}"#, again: 409,
            change: #"{"country":"GH"}"#,
            changedField: "country", changedValue: "GH", refused: #"{"name":"Kofi","email":"not-an-email"}"#,
            visibleToAttendee: false,
            listEvent: nil),
        Story(
            path: "session-roles",
            create: #"{"sessionID":"$session","personID":"speaker@example.org","role":"speaker"}"#, again: 409,
            change: #"{"position":5}"#, changedField: "position", changedValue: "5",
            refused: #"{"sessionID":"$session","personID":"speaker@example.org","role":"juggler"}"#),
        Story(
            path: "invitations", create: #"{"eventID":"gms-2017","personID":"speaker@example.org"}"#, again: 409,
            change: #"{"invitedBy":"the API test"}"#, changedField: "invitedBy", changedValue: "the API test",
            refused: #"{"eventID":"gms-2017","sessionID":"$otherSession","personID":"speaker@example.org"}"#,
            visibleToAttendee: false),
        Story(
            path: "rsvps", create: #"{"sessionID":"$session","personID":"speaker@example.org","response":"accepted"}"#,
            again: 409,
            change: #"{"response":"declined"}"#, changedField: "response", changedValue: "declined",
            refused: #"{"sessionID":"$session","personID":"speaker@example.org","response":"maybe"}"#,
            visibleToAttendee: false),
        Story(
            path: "declarations", create: #"{"eventID":"gms-2017","title":"Mayors' Declaration"}"#, again: 409,
            change: #"{"text":"We, the mayors, commit to welcoming cities."}"#, changedField: "text",
            changedValue: "We, the mayors, commit to welcoming cities.", refused: #"{"eventID":"gms-2017","title":" "}"#
        ),
        Story(
            path: "signatures", create: #"{"declarationID":"$declaration","personID":"speaker@example.org"}"#,
            again: 409,
            change: #"{"reservation":"Subject to the council's approval"}"#, changedField: "reservation",
            changedValue: "Subject to the council's approval",
            refused: #"{"declarationID":"no-such-declaration","personID":"speaker@example.org"}"#,
            refusedStatus: 404, visibleToAttendee: false, listEvent: "pss-2016", attendeeStatus: 404),
    ]

    @Test(arguments: stories) func lifeOfARow(_ story: Story) async throws {
        let api = try APIFixture()
        try await api.app.test(.router) { client in
            let create = try await api.substitute(story.create, client)
            let attempt = try await api.send(client, .post, "/v1/\(story.path)", token: api.attendee, body: create)
            #expect(attempt.status == story.attendeeStatus, "an attendee may not create \(story.path): \(attempt.text)")
            #expect(try await api.send(client, .post, "/v1/\(story.path)", token: nil, body: create).status == 401)

            let created = try await api.send(client, .post, "/v1/\(story.path)", token: api.admin, body: create)
            try #require(created.status == 201, "\(created.text)")
            let id = try #require(created.object["id"] as? String)
            #expect(created.headers[.location] == "/v1/\(story.path)/\(id)")
            #expect(created.object["updatedAt"] is String)
            #expect(
                try await api.send(client, .post, "/v1/\(story.path)", token: api.admin, body: create).status
                    == story.again)

            let fetched = try await api.send(client, .get, "/v1/\(story.path)/\(id)", token: api.admin)
            #expect(fetched.status == 200 && fetched.object["id"] as? String == id)
            let filter = story.listEvent.map { "event=\($0)&" } ?? ""
            let listed = try await api.send(client, .get, "/v1/\(story.path)?\(filter)limit=1000", token: api.admin)
            #expect(listed.items.contains { $0["id"] as? String == id }, "listed by event: \(listed.text)")

            let changed = try await api.send(
                client, .patch, "/v1/\(story.path)/\(id)", token: api.admin, body: story.change)
            #expect(changed.status == 200, "\(changed.text)")
            #expect(changed.object[story.changedField].map { "\($0)" } == story.changedValue)
            let notTheirs = story.visibleToAttendee ? 403 : 404
            #expect(
                try await api.send(client, .patch, "/v1/\(story.path)/\(id)", token: api.attendee, body: story.change)
                    .status == notTheirs)
            let malformed = try await api.send(
                client, .patch, "/v1/\(story.path)/\(id)", token: api.admin, body: #"{"name": "#)
            #expect(malformed.status == 400 && malformed.problemType == "/problems/malformed-body")

            let refused = try await api.send(
                client, .post, "/v1/\(story.path)", token: api.admin,
                body: try await api.substitute(story.refused, client))
            #expect(refused.status == story.refusedStatus, "\(refused.text)")
            #expect(refused.headers[.contentType] == "application/problem+json")

            #expect(
                try await api.send(client, .delete, "/v1/\(story.path)/\(id)", token: api.attendee).status == notTheirs)
            #expect(try await api.send(client, .delete, "/v1/\(story.path)/\(id)", token: api.admin).status == 204)
            let gone = try await api.send(client, .get, "/v1/\(story.path)/\(id)", token: api.admin)
            #expect(gone.status == 404 && gone.problemType == "/problems/not-found")
            #expect(try await api.send(client, .delete, "/v1/\(story.path)/\(id)", token: api.admin).status == 404)
        }
    }

    @Test func rowsStillReferredToAreNotDeleted() async throws {
        let api = try APIFixture()
        try await api.app.test(.router) { client in
            let event = try await api.send(client, .delete, "/v1/events/gms-2017", token: api.admin)
            #expect(event.status == 409 && event.problemType == "/problems/in-use", "\(event.text)")
            let person = try await api.send(
                client, .delete, "/v1/people/\(StableID.make("person", "speaker@example.org"))", token: api.admin)
            #expect(person.status == 204, "a person nobody refers to goes: \(person.text)")
            #expect(try await api.send(client, .get, "/v1/events/gms-2017", token: api.admin).status == 200)
        }
    }

    @Test func withdrawingAnRSVPGivesItsSeatToTheNextInLine() async throws {
        let api = try APIFixture()
        try await api.app.test(.router) { client in
            let session = try await api.send(
                client, .post, "/v1/sessions", token: api.admin,
                body:
                    #"{"eventID":"gms-2017","title":"Study visit","startsAt":"2017-09-19T17:00","endsAt":"2017-09-19T18:00","capacity":1}"#
            )
            let sessionID = try #require(session.object["id"] as? String)
            var answers: [[String: Any]] = []
            for person in ["speaker@example.org", "attendee@example.org"] {
                _ = try await api.send(
                    client, .post, "/v1/people", token: api.admin,
                    body: "{\"name\":\"\(person)\",\"email\":\"\(person)\"}")
                let body = "{\"sessionID\":\"\(sessionID)\",\"personID\":\"\(person)\",\"response\":\"accepted\"}"
                answers.append(try await api.send(client, .post, "/v1/rsvps", token: api.admin, body: body).object)
            }
            #expect(answers.map { $0["decision"] as? String } == ["confirmed", "waitlisted"])
            let first = try #require(answers[0]["id"] as? String)
            let second = try #require(answers[1]["id"] as? String)
            #expect(try await api.send(client, .delete, "/v1/rsvps/\(first)", token: api.admin).status == 204)
            let promoted = try await api.send(client, .get, "/v1/rsvps/\(second)", token: api.attendee)
            #expect(promoted.object["decision"] as? String == "confirmed", "\(promoted.text)")
        }
    }

    @Test func changesSinceAnInstantIncludeDeletions() async throws {
        let api = try APIFixture()
        try await api.app.test(.router) { client in
            let room = try await api.send(
                client, .post, "/v1/rooms", token: api.admin,
                body: #"{"eventID":"gms-2017","name":"Annex","capacity":8}"#)
            let id = try #require(room.object["id"] as? String)
            let since = try #require(room.object["updatedAt"] as? String)
            #expect(try await api.send(client, .delete, "/v1/rooms/\(id)", token: api.admin).status == 204)
            let changed = try await api.send(client, .get, "/v1/rooms?updatedSince=\(since)", token: api.admin)
            #expect(changed.object["deletedIDs"] as? [String] == [id], "\(changed.text)")
            #expect(!changed.items.contains { $0["id"] as? String == id })
            let plain = try await api.send(client, .get, "/v1/rooms", token: api.admin)
            #expect(plain.object["deletedIDs"] == nil, "deletions are listed only for a client that mirrors changes")
        }
    }

    @Test func aClientMayNameTheSessionItCreatesSoARetryMakesNoSecond() async throws {
        let api = try APIFixture()
        try await api.app.test(.router) { client in
            let body =
                #"{"id":"gms-2017-press","eventID":"gms-2017","title":"Press","startsAt":"2017-09-19T18:00","endsAt":"2017-09-19T18:30"}"#
            let first = try await api.send(client, .post, "/v1/sessions", token: api.admin, body: body)
            #expect(first.status == 201 && first.object["id"] as? String == "gms-2017-press")
            #expect(try await api.send(client, .post, "/v1/sessions", token: api.admin, body: body).status == 409)
            let odd = body.replacingOccurrences(of: "gms-2017-press", with: "no spaces please")
            #expect(try await api.send(client, .post, "/v1/sessions", token: api.admin, body: odd).status == 422)
        }
    }

    @Test func aRefusedChangeOfASessionChangesNothingOfIt() async throws {
        let api = try APIFixture()
        try await api.app.test(.router) { client in
            func session(_ title: String, _ room: String) async throws -> String {
                let body =
                    "{\"eventID\":\"gms-2017\",\"title\":\"\(title)\",\"startsAt\":\"2017-09-19T17:00\",\"endsAt\":\"2017-09-19T18:00\",\"room\":\"\(room)\"}"
                return try #require(
                    try await api.send(client, .post, "/v1/sessions", token: api.admin, body: body).object["id"]
                        as? String)
            }
            _ = try await session("Mayors' working lunch", "Annex")
            let briefing = try await session("Donor briefing", "Annex Two")
            let cancelled = try await api.send(
                client, .patch, "/v1/sessions/\(briefing)", token: api.admin, body: #"{"status":"cancelled"}"#)
            #expect(cancelled.object["status"] as? String == "cancelled" && cancelled.object["sequence"] as? Int == 1)
            let clash = try await api.send(
                client, .patch, "/v1/sessions/\(briefing)", token: api.admin,
                body: #"{"status":"scheduled","room":"Annex"}"#)
            #expect(clash.status == 409 && clash.problemType == "/problems/schedule-conflict", "\(clash.text)")
            let unchanged = try await api.send(client, .get, "/v1/sessions/\(briefing)", token: api.admin).object
            #expect(
                unchanged["status"] as? String == "cancelled" && unchanged["room"] as? String == "Annex Two"
                    && unchanged["sequence"] as? Int == 1)
            let reinstated = try await api.send(
                client, .patch, "/v1/sessions/\(briefing)", token: api.admin, body: #"{"status":"scheduled"}"#)
            #expect(reinstated.object["status"] as? String == "scheduled" && reinstated.object["sequence"] as? Int == 2)
        }
    }

    /// The row a change names in its body is missing, not the row it changes: 422, and the row is unchanged.
    /// Refusals of well-formed requests for a rule beyond the document's schemas name the rule.
    @Test func aChangeNamingAMissingRowIsRefusedAndNamesTheRule() async throws {
        let api = try APIFixture()
        try await api.app.test(.router) { client in
            let session = try await api.substitute("$session", client)
            let dangling = try await api.send(
                client, .patch, "/v1/sessions/\(session)", token: api.admin,
                body: #"{"title":"Renamed","segmentID":"no-such-segment"}"#)
            #expect(dangling.status == 422 && dangling.problemType == "/problems/unknown-reference", "\(dangling.text)")
            #expect(dangling.object["rule"] as? String == "referenced-row-exists")
            let unchanged = try await api.send(client, .get, "/v1/sessions/\(session)", token: api.admin).object
            #expect(unchanged["title"] as? String != "Renamed")
            let reversed = try await api.send(
                client, .patch, "/v1/events/gms-2017", token: api.admin, body: #"{"endsOn":"2000-01-01"}"#)
            #expect(reversed.status == 422 && reversed.object["rule"] as? String == "event-ends-after-start")
            let missing = try await api.send(
                client, .patch, "/v1/sessions/no-such-session", token: api.admin, body: #"{"title":"Renamed"}"#)
            #expect(missing.status == 404 && missing.object["rule"] == nil, "\(missing.text)")
        }
    }

    @Test func aRowTheCallerCannotSeeIsNotFoundForChangesEither() async throws {
        let api = try APIFixture()
        try await api.app.test(.router) { client in
            let hidden = try await api.substitute("$hiddenSession", client)
            for method in [HTTPRequest.Method.get, .patch, .delete] {
                let reply = try await api.send(
                    client, method, "/v1/sessions/\(hidden)", token: api.attendee,
                    body: method == .patch ? #"{"title":"Mine now"}"# : nil)
                #expect(reply.status == 404, "\(method): \(reply.text)")
            }
        }
    }

    @Test func listsPageThroughEveryRowOnceAndFilterByTime() async throws {
        let api = try APIFixture()
        try await api.app.test(.router) { client in
            let all = try await api.send(client, .get, "/v1/sessions?event=gfmd-2007&limit=1000", token: api.admin)
                .items.compactMap { $0["id"] as? String }
            #expect(all.count > 5)
            var paged: [String] = []
            var cursor: String?
            repeat {
                let page = try await api.send(
                    client, .get, "/v1/sessions?event=gfmd-2007&limit=2" + (cursor.map { "&after=\($0)" } ?? ""),
                    token: api.admin)
                paged += page.items.compactMap { $0["id"] as? String }
                cursor = page.object["nextCursor"] as? String
            } while cursor != nil
            #expect(paged == all)
            for future in ["2999-01-01T00:00:00Z", "9999-12-31T23:59:59Z"] {
                let none = try await api.send(client, .get, "/v1/sessions?updatedSince=\(future)", token: api.admin)
                #expect(none.status == 200 && none.items.isEmpty, "\(future)")
            }
            let past = try await api.send(
                client, .get, "/v1/sessions?updatedSince=2000-01-01T00:00:00Z&limit=1000", token: api.admin)
            #expect(past.items.count >= all.count)
            for query in ["limit=0", "limit=abc", "updatedSince=yesterday"] {
                let bad = try await api.send(client, .get, "/v1/sessions?\(query)", token: api.admin)
                #expect(bad.status == 400 && bad.problemType == "/problems/bad-request", "\(query)")
            }
            #expect(
                try await api.send(client, .get, "/v1/sessions?event=no-such-event", token: api.admin).status == 404)
        }
    }

    @Test func attendeesReadWhatTheirLaptopWouldReceive() async throws {
        let api = try APIFixture()
        try await api.app.test(.router) { client in
            let people = try await api.send(client, .get, "/v1/people?limit=1000", token: api.attendee).items
            #expect(!people.isEmpty)
            #expect(
                people.allSatisfy { $0["email"] == nil || $0["email"] as? String == "attendee@example.org" },
                "no one else's email")
            let invitationOnly = try await api.send(client, .get, "/v1/sessions?event=pss-2016", token: api.attendee)
            #expect(invitationOnly.items.isEmpty, "the invitation-only summit is not the attendee's to see")
            let adminView = try await api.send(client, .get, "/v1/people?limit=1000", token: api.admin).items
            #expect(adminView.contains { $0["email"] as? String == "speaker@example.org" })
        }
    }

    @Test func aConfiguredWebOriginMayCallTheAPIFromABrowser() async throws {
        let dashboard = "https://dashboard.example.org"
        let open = try APIFixture(corsOrigin: dashboard)
        try await open.app.test(.router) { client in
            let preflight = try await open.send(
                client, .options, "/v1/sessions/some-id", token: nil,
                headers: [.origin: dashboard, .accessControlRequestMethod: "PATCH"])
            #expect(preflight.status == 204)
            #expect(preflight.headers[.accessControlAllowOrigin] == dashboard)
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("PATCH") == true)
            let read = try await open.send(client, .get, "/v1/rooms", token: open.admin, headers: [.origin: dashboard])
            #expect(read.status == 200 && read.headers[.accessControlAllowOrigin] == dashboard)
        }
        let closed = try APIFixture()
        try await closed.app.test(.router) { client in
            let read = try await closed.send(
                client, .get, "/v1/rooms", token: closed.admin, headers: [.origin: dashboard])
            #expect(
                read.status == 200 && read.headers[.accessControlAllowOrigin] == nil,
                "no origin is allowed unless configured")
        }
    }

    @Test func everyResponseCarriesARequestID() async throws {
        let api = try APIFixture()
        try await api.app.test(.router) { client in
            let mine = try await api.send(
                client, .get, "/v1/rooms", token: api.admin,
                headers: [RequestLogMiddleware<DaemonRequestContext>.header: "trace-42"])
            #expect(
                mine.headers[RequestLogMiddleware<DaemonRequestContext>.header] == "trace-42", "the client's id is kept"
            )
            let header = RequestLogMiddleware<DaemonRequestContext>.header
            let failed = try await api.send(client, .get, "/v1/rooms", token: nil)
            let another = try await api.send(client, .get, "/v1/rooms", token: nil)
            #expect(failed.status == 401)
            let assigned = [failed, another].compactMap { $0.headers[header] }
            #expect(
                assigned.count == 2 && Set(assigned).count == 2 && !assigned.contains(""),
                "each request gets its own id")
        }
    }
}
