import Foundation
import Testing

@testable import EventsCore

/// `people import` reads CSV strictly and reports honestly: a damaged file imports nothing and names its lines,
/// emails meet the one check every stored email meets, rows without an email import once however often the
/// file is imported, and the count says what was created, updated, unchanged and skipped.
@Suite struct PeopleImportTests {
    static func store() throws -> EventsStore {
        let store = try temporaryStore()
        try store.addOrganization(name: "City of Kampala", kind: "city", country: "UG")
        return store
    }

    @Test(arguments: [
        (
            "name,email\n\"Sarah Nakato,sarah@example.org\nGrace Liu,grace@example.org\n",
            "Line 2: a quoted field is never closed"
        ),
        ("name,email\nSarah \"Nak\" Nakato,sarah@example.org\n", "Line 2: a quote inside an unquoted field"),
        ("name,email\n\"Sarah\"x,sarah@example.org\n", "Line 2: text after a closing quote"),
        ("name,email\nSarah,sarah@example.org,extra\n", "Line 2: 3 fields where the header has 2"),
        ("name,email\nSarah,a@b@c\n", "Line 2: 'a@b@c' is not an email address."),
        ("name,email\nSarah,\"sarah\t@example.org\"\n", "Line 2: 'sarah\t@example.org' is not an email address."),
        ("name,email,organization\nSarah,sarah@example.org,Nowhere\n", "Line 2"),
    ])
    func aDamagedFileImportsNothingAndNamesTheLine(_ csv: String, _ problem: String) throws {
        let store = try Self.store()
        #expect {
            try store.importPeople(csv: csv)
        } throws: { error in
            "\(error)".contains(problem) && "\(error)".contains("Nothing was imported")
        }
        #expect(try store.people().isEmpty)
    }

    @Test func skippingInvalidRowsImportsTheRestAndNamesWhatWasSkipped() throws {
        let store = try Self.store()
        let csv = "name,email\n\"Sarah Nakato,sarah@example.org\nGrace Liu,grace@example.org\nBad,a@b@c\n"
        let report = try store.importPeople(csv: csv, skipInvalid: true)
        #expect(report.created == 1)
        #expect(
            report.skipped == ["Line 2: a quoted field is never closed", "Line 4: 'a@b@c' is not an email address."])
        #expect(try store.people().map(\.name) == ["Grace Liu"])
    }

    @Test func importingTwiceIsIdempotentAndCountsHonestly() throws {
        let store = try Self.store()
        let csv = """
            name,email,organization,country
            Sarah Nakato,,City of Kampala,UG
            Grace Liu,grace@example.org,,US
            Grace Liu,GRACE@example.org,,US
            """
        let first = try store.importPeople(csv: csv)
        #expect(first.created == 2 && first.updated == 0 && first.unchanged == 0)
        #expect(first.skipped == ["Line 4: the same person as line 3"])
        let again = try store.importPeople(
            csv: csv.replacingOccurrences(
                of: "Grace Liu,grace@example.org,,US", with: "Grace Liu,grace@example.org,,CA"))
        #expect(again.created == 0 && again.updated == 1 && again.unchanged == 1, "\(again)")
        #expect(try store.people().count == 2, "a row without an email is one person however often it is imported")
    }
}
