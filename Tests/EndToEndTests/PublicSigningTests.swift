import Foundation
import Sync
import Testing

@testable import EventsCore

/// The Model International Mobility Convention as seeded, and signing it in public, through the real binaries:
/// its signatories readable without a token, a member of the public signing through the form (pending, not
/// listed), an administrator approving one and rejecting another from a laptop, the approved one listed with
/// `*`, a form flood told to wait, and the public record on every laptop without a public signatory's contact.
@Suite(.serialized) struct PublicSigningTests {
    static let convention = "Model International Mobility Convention"
    static let mimc = RowID.declaration(event: nil, key: "mimc-2017")
    static let budget = 5

    static func form(_ name: String, reservation: String? = nil, email: String? = nil) -> Data {
        var fields: [String: String] = ["name": name, "affiliation": "Professor of Law, Example University"]
        fields["reservation"] = reservation
        fields["email"] = email
        return try! JSONSerialization.data(withJSONObject: fields)
    }

    static func signatories(_ url: String, token: String? = nil) throws -> (
        status: Int, named: [[String: Any]], public: [[String: Any]]
    ) {
        let answer = try HostileInputTests.request(
            "\(url)/v1/declarations/\(mimc)/signatories", method: "GET", token: token, contentType: nil)
        let object = PushedValueTests.json(answer.body)
        return (
            answer.status, object["named"] as? [[String: Any]] ?? [], object["public"] as? [[String: Any]] ?? []
        )
    }

    @Test func theConventionIsSignedInPublicPendingApprovalAndListedWithItsMarks() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let adminToken = try createUser(
            database: database, email: "liza.reyes@example.org", name: "Liza Reyes", admin: true)
        let attendeeToken = try createUser(database: database, email: "anne.dupont@example.org", name: "Anne Dupont")
        var daemon = try Daemon(
            database: database, environment: ["EVENTSD_PUBLIC_SIGNATURE_BUDGET": "\(Self.budget)"])
        let admin = try Laptop.signedIn("admin", in: folder, daemon: daemon, token: adminToken)
        let attendee = try Laptop.signedIn("attendee", in: folder, daemon: daemon, token: attendeeToken)

        let seeded = try Self.signatories(daemon.url)
        #expect(seeded.status == 200, "published: no token needed")
        #expect(seeded.named.count == 36 && seeded.public.count == 2)
        let marked = seeded.named.filter { $0["reserves"] as? Bool == true }.compactMap { $0["name"] as? String }
        #expect(Set(marked) == ["Justin Gest", "Ian Matthew Kysel", "Bianca Z. Santos"])
        #expect(seeded.named.first?["name"] as? String == "Diego Acosta", "by surname, as published")
        #expect(seeded.public.compactMap { $0["name"] as? String } == ["Sérgio Aguilar", "Marufi Kaleem Mohd Umar"])

        let api = "\(daemon.url)/v1/declarations/\(Self.mimc)/public-signatures"
        let first = try HostileInputTests.request(
            api, token: nil,
            body: Self.form("Ada Example", reservation: "On article 12, as to visitors.", email: "ada@example.net"))
        #expect(first.status == 202)
        #expect(PushedValueTests.json(first.body)["status"] as? String == "pending")
        #expect(try HostileInputTests.request(api, token: nil, body: Self.form("Bo Example")).status == 202)
        #expect(
            try HostileInputTests.request(api, token: nil, body: Data(#"{"name":"No Affiliation"}"#.utf8)).status == 400
        )
        let tooLarge = Self.form("Cy Example", reservation: String(repeating: "x", count: 40_000))
        #expect(try HostileInputTests.request(api, token: nil, body: tooLarge).status == 413)
        #expect(
            try HostileInputTests.request(api, token: nil, body: Self.form("Ada Example")).status == 202,
            "still pending: the same")
        let flooded = try HostileInputTests.request(api, token: nil, body: Self.form("Di Example"))
        #expect(flooded.status == 429, "the address's budget of \(Self.budget) is spent")
        #expect(try Self.signatories(daemon.url).public.count == 2, "pending signatures are not listed")

        _ = try admin.ok("sync")
        let pending = jsonObjects(try admin.ok("declarations", "pending", Self.convention, "--json"))
        #expect(pending.count == 2)
        let ada = try #require(pending.first { $0["name"] as? String == "Ada Example" })
        let bo = try #require(pending.first { $0["name"] as? String == "Bo Example" })
        #expect(ada["contactEmail"] as? String == "ada@example.net")
        _ = try admin.ok("declarations", "approve", Self.convention, "--signature", ada["signatureID"] as! String)
        _ = try admin.ok("declarations", "reject", Self.convention, "--signature", bo["signatureID"] as! String)
        _ = try admin.ok("sync")

        let listed = try Self.signatories(daemon.url)
        #expect(
            listed.public.compactMap { $0["name"] as? String } == [
                "Sérgio Aguilar", "Ada Example", "Marufi Kaleem Mohd Umar",
            ])
        #expect(
            listed.public.first { $0["name"] as? String == "Ada Example" }?["reservation"] as? String
                == "On article 12, as to visitors.")
        #expect(listed.public.allSatisfy { $0["contactEmail"] == nil })

        let anne = RowID.signature(declaration: Self.mimc, person: RowID.person(email: "anne.dupont@example.org"))
        _ = try attendee.ok("sign", Self.convention, "--reservation", "Subject to ratification.")
        _ = try attendee.ok("sync")
        _ = try admin.ok("sync")
        let awaiting = jsonObjects(try admin.ok("declarations", "pending", Self.convention, "--json"))
        #expect(awaiting.map { $0["name"] as? String } == ["Anne Dupont"])
        _ = try admin.ok("declarations", "approve", Self.convention, "--signature", anne)
        _ = try admin.ok("sync")
        _ = try attendee.ok("sync")
        let forged = try CraftedPushOverHTTPTests.push(
            daemon.url, token: attendeeToken, [("signatures", anne, "signatory_list", .text("named"), 5)])
        #expect(CraftedPushOverHTTPTests.rejected(forged) > 0, "the list a signatory is in is not theirs to choose")
        let text = try attendee.ok("declarations", "signatories", Self.convention)
        #expect(text.contains("Justin Gest*, Steering Committee Co-Chair"), "\(text)")
        #expect(text.contains("Ada Example*, Professor of Law") && !text.contains("Bo Example"))
        #expect(text.contains("Anne Dupont*") && text.contains("Reservation: Subject to ratification."))
        #expect(text.contains("Signatories (36)") && text.contains("Public signatories (4)"))
        #expect(text.hasSuffix("*Denotes a Reservation, Understanding, or Declaration\n"))
        #expect(
            try !JoinLinkTests.filesHold("ada@example.net", laptop: attendee),
            "a public signatory's contact stays with organizers")
        let refused = try attendee.run(
            "declarations", "approve", Self.convention, "--signature", bo["signatureID"] as! String)
        #expect(refused.status != 0 && refused.stderr.split(separator: "\n").count == 1)

        _ = try admin.ok("declarations", "add", "--title", "A draft convention")
        _ = try admin.ok("declarations", "add", "--title", "A published appeal", "--published")
        _ = try admin.ok("sync")
        let draft = RowID.declaration(event: nil, key: "A draft convention")
        let appeal = RowID.declaration(event: nil, key: "A published appeal")
        let draftSignatories = try HostileInputTests.request(
            "\(daemon.url)/v1/declarations/\(draft)/signatories", method: "GET", token: nil, contentType: nil)
        #expect(draftSignatories.status == 404, "unpublished: as if it did not exist")
        let all = jsonObjects(try admin.ok("declarations", "list", "--json")).compactMap { $0["title"] as? String }
        #expect(Set(all).isSuperset(of: [Self.convention, "A draft convention", "A published appeal"]))
        _ = try admin.ok("declarations", "publish", "A draft convention", "--public-signing")
        _ = try admin.ok("sync")

        let port = try #require(URLComponents(string: daemon.url)?.port)
        daemon.stop()
        daemon = try Daemon(database: database, port: port)
        defer { daemon.stop() }
        let signingClosed = try HostileInputTests.request(
            "\(daemon.url)/v1/declarations/\(appeal)/public-signatures", token: nil, body: Self.form("Ed Example"))
        #expect(signingClosed.status == 403, "published, not open to public signature")
        #expect(
            try HostileInputTests.request(api, token: nil, body: Self.form("Bo Example")).status == 409,
            "rejected stands")
        let again = try Self.signatories(daemon.url)
        #expect(again.named.count == 36 && again.public.count == 4, "loading the seed again changes nothing")
        let opened = try HostileInputTests.request(
            "\(daemon.url)/v1/declarations/\(draft)/public-signatures", token: nil, body: Self.form("Fay Example"))
        #expect(opened.status == 202, "published and opened from a laptop")
        _ = try admin.ok("declarations", "publish", "A draft convention", "--withdraw")
        _ = try admin.ok("sync")
        let withdrawn = try HostileInputTests.request(
            "\(daemon.url)/v1/declarations/\(draft)/signatories", method: "GET", token: nil, contentType: nil)
        #expect(withdrawn.status == 404, "withdrawn: unpublished again")
        let unpublishedForm = "\(daemon.url)/v1/declarations/\(draft)/public-signatures"
        #expect(
            try HostileInputTests.request(unpublishedForm, token: nil, body: Self.form("Gus Example")).status == 404)
        #expect(
            try HostileInputTests.request(unpublishedForm, token: adminToken, body: Self.form("Gus Example")).status
                == 403, "an account that sees it is told it takes no signature")
    }
}
