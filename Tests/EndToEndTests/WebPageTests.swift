import Foundation
import Testing

@testable import EventsCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The agenda's web pages from a real daemon: what the public may see and nothing more, text from the replica
/// as text, the security headers on every page, pages rendered again once something changed, and the attendee's
/// API calls the `/me` page makes.
@Suite(.serialized) struct WebPageTests {
    struct World {
        let database: URL
        var tokens: [String: String] = [:]
        let hostile: String
        let seated: String
        let open: String
        let cancelled: String
        let chatham: String
        let invitationOnly: String
        let clubSession: String
        let late: String
        static let hostileTitle = "<img src=x onerror=alert(1)>"
        static let seatedLink = "https://meet.example.org/seated-only"
        static let openLink = "https://meet.example.org/everyone"

        init() throws {
            database = try temporaryFolder().appendingPathComponent("eventsd.sqlite")
            let store = try EventsStore.open(path: database.path, migrations: AccountStore.registerMigrations)
            let accounts = AccountStore(replica: store.replica)
            for (slug, title, published, invited, year) in [
                ("web", "Web Summit", true, false, 2030), ("draft", "Draft Forum", false, false, 2030),
                ("closed", "Closed Retreat", false, true, 2030), ("club", "Club Forum", true, true, 2030),
                ("old", "Old Summit", true, false, 2010), ("later", "Later Summit", true, false, 2031),
            ] {
                try store.addEvent(
                    EventDraft(
                        slug: slug, title: title, kind: "summit", timezone: "Europe/Brussels",
                        startsOn: "\(year)-05-06", endsOn: "\(year)-05-07", invitationOnly: invited,
                        published: published))
            }
            func session(_ title: String, at hour: Int, _ draft: SessionDraft = SessionDraft(), event: String = "web")
                throws -> String
            {
                var draft = draft
                draft.title = title
                draft.start = "2030-05-06T" + String(format: "%02d:00", hour)
                draft.end = "2030-05-06T" + String(format: "%02d:45", hour)
                return try store.addSession(eventSlug: event, draft)
            }
            hostile = try session(Self.hostileTitle, at: 9, SessionDraft(description: "<script>alert(2)</script>"))
            seated = try session("Seated webinar", at: 10, SessionDraft(joinURL: Self.seatedLink, capacity: 1))
            open = try session("Open webinar", at: 11, SessionDraft(joinURL: Self.openLink))
            cancelled = try session("Called off", at: 12)
            try store.cancelSession(id: cancelled)
            chatham = try session("Quiet roundtable", at: 13, SessionDraft(chathamHouse: true))
            invitationOnly = try session("Retreat dinner", at: 19, event: "closed")
            clubSession = try session("Club call", at: 10, SessionDraft(joinURL: Self.openLink), event: "club")
            late = try session("Late reception", at: 20)
            try store.addPerson(name: "Nadia Quiet", email: "nadia@example.org")
            try store.addRole(sessionID: chatham, person: "nadia@example.org", role: "speaker")
            for email in ["admin@example.org", "first@example.org", "second@example.org"] {
                try store.addPerson(name: email.components(separatedBy: "@")[0].capitalized, email: email)
                tokens[email] = try accounts.createAccount(
                    email: email, name: email, isAdmin: email.hasPrefix("admin")
                ).token
            }
            try store.invite(eventSlug: "closed", sessionID: nil, person: "first@example.org")
        }
    }

    struct Page {
        var status: Int
        var headers: [String: String]
        var text: String
    }

    static func fetch(_ url: String, headers: [String: String] = [:]) throws -> Page {
        var request = URLRequest(url: URL(string: url)!)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.cachePolicy = .reloadIgnoringLocalCacheData
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var page: Page?
        nonisolated(unsafe) var failure: (any Error)?
        URLSession.shared.dataTask(with: request) { data, response, error in
            failure = error
            let http = response as? HTTPURLResponse
            page = Page(
                status: http?.statusCode ?? 0,
                headers: Dictionary(
                    (http?.allHeaderFields ?? [:]).map { ("\($0.key)".lowercased(), "\($0.value)") },
                    uniquingKeysWith: { first, _ in first }),
                text: String(decoding: data ?? Data(), as: UTF8.self))
            done.signal()
        }.resume()
        done.wait()
        if let failure { throw failure }
        return page!
    }

    @Test func theEventPageShowsWhatThePublicMaySeeAsText() throws {
        let world = try World()
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let page = try Self.fetch("\(daemon.url)/events/web")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.text.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!page.text.contains("<img"), "the hostile title renders as text")
        #expect(page.text.contains(World.openLink), "a join link that needs no seat is public")
        #expect(!page.text.contains(World.seatedLink), "a join link that needs a seat is not")
        #expect(page.text.contains("Quiet roundtable") && !page.text.contains("Nadia Quiet"), "Chatham House")
        #expect(page.text.contains("<li class=\"session cancelled\" data-session=\"\(world.cancelled)\">"))
        #expect(page.text.components(separatedBy: "class=\"session cancelled\"").count == 2, "that one only")
        #expect(page.text.contains("webcal://"))
        #expect(page.text.contains("<time datetime=\"2030-05-06T09:00:00+02:00\">09:00</time>"))
        for session in [world.hostile, world.seated, world.open, world.cancelled, world.chatham] {
            #expect(page.text.contains("data-session=\"\(session)\""))
        }
        let session = try Self.fetch("\(daemon.url)/events/web/sessions/\(world.hostile)")
        #expect(session.status == 200)
        #expect(session.text.contains("&lt;script&gt;alert(2)&lt;/script&gt;") && !session.text.contains("<script>"))
        let seatedPage = try Self.fetch("\(daemon.url)/events/web/sessions/\(world.seated)").text
        #expect(!seatedPage.contains(World.seatedLink))
        let quietPage = try Self.fetch("\(daemon.url)/events/web/sessions/\(world.chatham)").text
        #expect(quietPage.contains("Chatham House Rule") && !quietPage.contains("Nadia Quiet"))
        let club = try Self.fetch("\(daemon.url)/events/club")
        #expect(club.status == 200 && club.text.contains("Club call"), "published, invitation only: a public agenda")
        #expect(!club.text.contains(World.openLink), "but its join links need a seat")

        #expect(!page.text.contains("id=\"day-2030-05-07\""), "the late reception is on the 6th in Brussels")
        let tokyo = try Self.fetch("\(daemon.url)/events/web?tz=Asia/Tokyo")
        #expect(tokyo.text.contains("<time datetime=\"2030-05-06T16:00:00+09:00\">16:00</time>"))
        let nextDay = try #require(tokyo.text.range(of: "id=\"day-2030-05-07\""))
        let lateRow = try #require(tokyo.text.range(of: "data-session=\"\(world.late)\""))
        #expect(nextDay.upperBound < lateRow.lowerBound, "and on the 7th in Tokyo")
        #expect(tokyo.text.contains("<time datetime=\"2030-05-07T03:00:00+09:00\">03:00</time>"))
        for zone in ["Mars/Olympus", "GMT+0500", String(repeating: "x", count: 5_000)] {
            #expect(try Self.fetch("\(daemon.url)/events/web?tz=\(zone)").status == 400, "\(zone.prefix(20))")
        }
        #expect(try Self.fetch("\(daemon.url)/events/web?tz=Europe/Brussels").text == page.text)
    }

    @Test func everyPageCarriesTheSecurityHeadersAndHiddenEventsAreNotFound() throws {
        let world = try World()
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let paths = [
            "/", "/events/web", "/events/web/sessions/\(world.open)", "/me", "/assets/site.css", "/assets/me.js",
            "/events/draft", "/events/closed", "/events/nowhere", "/events/closed/sessions/\(world.invitationOnly)",
        ]
        for path in paths {
            let page = try Self.fetch(daemon.url + path)
            #expect(page.headers["content-security-policy"]?.contains("script-src 'self'") == true, "\(path)")
            #expect(page.headers["content-security-policy"]?.contains("unsafe-inline") == false, "\(path)")
            #expect(page.headers["content-security-policy"]?.contains("frame-ancestors 'none'") == true, "\(path)")
            #expect(page.headers["x-content-type-options"] == "nosniff", "\(path)")
            #expect(page.headers["x-frame-options"] == "DENY", "\(path)")
            #expect(!page.text.contains("<script>"), "no inline script on \(path)")
        }
        for path in [
            "/events/draft", "/events/closed", "/events/nowhere", "/events/closed/sessions/\(world.invitationOnly)",
        ] {
            let page = try Self.fetch(daemon.url + path)
            #expect(page.status == 404, "\(path)")
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(!page.text.contains("Draft Forum") && !page.text.contains("Retreat"))
        }
        for slug in ["draft", "closed"] {
            #expect(try Self.fetch("\(daemon.url)/v1/events/\(slug)/agenda.ics").status == 404, "as in the API")
        }
        let home = try Self.fetch(daemon.url + "/").text
        #expect(!home.contains("Draft Forum") && !home.contains("Closed Retreat"))
        let order = ["Web Summit", "Later Summit", "Old Summit"].compactMap { home.range(of: $0)?.lowerBound }
        #expect(order.count == 3 && order == order.sorted(), "upcoming first, soonest first, then past ones")
        let problem = try Self.fetch("\(daemon.url)/v1/events/nowhere/agenda.ics")
        #expect(problem.status == 404 && problem.headers["x-content-type-options"] == "nosniff", "problems too")
        #expect(try Self.fetch("\(daemon.url)/assets/nothing.js").headers["x-frame-options"] == "DENY")
    }

    @Test func aChangeRendersThePageAgainAndAnUnchangedOneIsNotSentTwice() throws {
        let world = try World()
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let first = try Self.fetch("\(daemon.url)/events/web")
        let etag = try #require(first.headers["etag"])
        #expect(try Self.fetch("\(daemon.url)/events/web", headers: ["If-None-Match": etag]).status == 304)
        let renamed = try HostileInputTests.request(
            "\(daemon.url)/v1/sessions/\(world.open)", method: "PATCH", token: world.tokens["admin@example.org"],
            body: Data(#"{"title":"Open webinar, renamed"}"#.utf8))
        #expect(renamed.status == 200)
        let second = try Self.fetch("\(daemon.url)/events/web", headers: ["If-None-Match": etag])
        #expect(second.status == 200)
        #expect(second.text.contains("Open webinar, renamed"))
        #expect(second.headers["etag"] != etag)
    }

    /// A cached page or export never outlives a change of what the public may see.
    @Test func aPageCachedBeforeARuleChangedFollowsTheRule() throws {
        let world = try World()
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let admin = world.tokens["admin@example.org"]
        func patch(_ path: String, _ body: String) throws {
            #expect(
                try HostileInputTests.request(
                    "\(daemon.url)\(path)", method: "PATCH", token: admin, body: Data(body.utf8)
                ).status == 200, "\(path) \(body)")
        }
        let openPage = "\(daemon.url)/events/web/sessions/\(world.open)"
        let role =
            #"{"sessionID":"\#(world.open)","personID":"\#(RowID.person(email: "nadia@example.org"))","role":"speaker"}"#
        #expect(
            try HostileInputTests.request("\(daemon.url)/v1/session-roles", token: admin, body: Data(role.utf8)).status
                == 201)
        let exports = ["agenda.ics", "schedule.json", "schedule.xml"].map { "\(daemon.url)/v1/events/web/\($0)" }
        for page in [openPage] + exports {
            #expect(try Self.fetch(page).text.contains("Nadia Quiet"), "\(page)")
        }
        #expect(try Self.fetch(openPage).text.contains(World.openLink))
        try patch("/v1/sessions/\(world.open)", #"{"chathamHouse":true}"#)
        for page in [openPage] + exports {
            #expect(
                !(try Self.fetch(page).text.contains("Nadia Quiet")), "names go under the Chatham House Rule: \(page)")
        }
        try patch("/v1/sessions/\(world.open)", #"{"capacity":10}"#)
        #expect(!(try Self.fetch(openPage).text.contains(World.openLink)), "a seat is needed now")
        #expect(try Self.fetch("\(daemon.url)/events/web").status == 200)
        try patch("/v1/events/web", #"{"published":false}"#)
        #expect(try Self.fetch("\(daemon.url)/events/web").status == 404)
        #expect(try Self.fetch(openPage).status == 404)
        for export in exports { #expect(try Self.fetch(export).status == 404, "\(export)") }
    }

    @Test func theAttendeeSeesTheirEventsSeatsAndOneCalendarURL() throws {
        let world = try World()
        let daemon = try Daemon(database: world.database, seed: nil)
        defer { daemon.stop() }
        let (first, second) = (world.tokens["first@example.org"]!, world.tokens["second@example.org"]!)
        #expect(try IntegrityTests.answer(daemon.url, world.seated, token: first, "accepted") == 200)
        #expect(try IntegrityTests.answer(daemon.url, world.seated, token: second, "accepted") == 200)
        func agenda(_ token: String) throws -> [[String: Any]] {
            let reply = try HostileInputTests.request("\(daemon.url)/v1/me/agenda", method: "GET", token: token)
            #expect(reply.status == 200)
            let object = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any]
            return object?["events"] as? [[String: Any]] ?? []
        }
        func item(_ events: [[String: Any]], _ session: String) -> [String: Any]? {
            events.flatMap { $0["items"] as? [[String: Any]] ?? [] }.first {
                ($0["session"] as? [String: Any])?["id"] as? String == session
            }
        }
        let mine = try agenda(first)
        #expect(
            mine.compactMap { ($0["event"] as? [String: Any])?["slug"] as? String }.sorted() == [
                "closed", "club", "later", "old", "web",
            ])
        let seatedFirst = try #require(item(mine, world.seated))
        #expect((seatedFirst["rsvp"] as? [String: Any])?["decision"] as? String == "confirmed")
        #expect((seatedFirst["session"] as? [String: Any])?["joinURL"] as? String == World.seatedLink)
        let theirs = try agenda(second)
        #expect(
            theirs.compactMap { ($0["event"] as? [String: Any])?["slug"] as? String } == [
                "club", "web", "later", "old",
            ],
            "no unpublished event without an invitation; upcoming first")
        let seatedSecond = try #require(item(theirs, world.seated))
        #expect((seatedSecond["rsvp"] as? [String: Any])?["waitlistPosition"] as? Int == 1)
        #expect((seatedSecond["session"] as? [String: Any])?["joinURL"] == nil)
        #expect(!String(decoding: try JSONSerialization.data(withJSONObject: theirs), as: UTF8.self).contains("@"))

        let feed = "\(daemon.url)/v1/me/feed"
        #expect(try HostileInputTests.request(feed, method: "GET", token: first).status == 404)
        #expect(try HostileInputTests.request(feed, method: "POST", token: first).status == 201)
        let url = try #require(
            PushedValueTests.json(HostileInputTests.request(feed, method: "GET", token: first).body)["url"] as? String)
        let again = PushedValueTests.json(try HostileInputTests.request(feed, method: "GET", token: first).body)
        #expect(again["url"] as? String == url, "the same URL on every visit")
        #expect(try Self.fetch(url).status == 200)
        #expect(try HostileInputTests.request(feed, method: "GET", token: second).status == 404, "one's own only")
        #expect(try HostileInputTests.request(feed, method: "POST", token: second).status == 201)
        let secondFeed = PushedValueTests.json(try HostileInputTests.request(feed, method: "GET", token: second).body)
        #expect(secondFeed["url"] as? String != url)
        #expect(
            PushedValueTests.json(try HostileInputTests.request(feed, method: "GET", token: first).body)["url"]
                as? String == url)
        #expect(try HostileInputTests.request(feed, method: "DELETE", token: first).status == 200)
        #expect(try HostileInputTests.request(feed, method: "GET", token: first).status == 404)
        #expect(try Self.fetch(url).status == 404)
    }
}
