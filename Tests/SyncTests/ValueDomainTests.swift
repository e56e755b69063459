import Foundation
import Sync
import Testing

/// Each domain admits what its column may hold, cleaned, and refuses the rest with a reason.
struct ValueDomainTests {
    @Test func admitsWhatBelongsAndCleansText() throws {
        #expect(try ValueDomain.text(max: 13).admit(.text("  Ana\u{1B}[0m\u{0}\u{85} ")) == .text("Ana[0m"))
        #expect(try ValueDomain.word(["plenary", "panel"]).admit(.text("panel")) == .text("panel"))
        #expect(try ValueDomain.instant.admit(.text("2017-09-18T13:00:00Z")) == .text("2017-09-18T13:00:00Z"))
        #expect(
            try ValueDomain.instant.admit(.text("2017-09-18T13:00:00.123456789Z"))
                == .text("2017-09-18T13:00:00.123456789Z"))
        #expect(try ValueDomain.date.admit(.text("2016-02-29")) == .text("2016-02-29"))
        #expect(
            try ValueDomain.url.admit(.text("https://example.org/join?x=1")) == .text("https://example.org/join?x=1"))
        #expect(try ValueDomain.boolean.admit(.integer(1)) == .integer(1))
        #expect(try ValueDomain.timeZone.admit(.text("America/New_York")) == .text("America/New_York"))
        #expect(try ValueDomain.identifier.admit(.text("3f2a-09")) == .text("3f2a-09"))
        #expect(try ValueDomain.email.admit(.null) == .null)
    }

    @Test func refusesWhatDoesNot() {
        let refused: [(ValueDomain, SyncValue, ValueProblem)] = [
            (.text(max: 5), .text("too long"), .tooLong(max: 5)),
            // Counted as given, as the API document counts it, though it would fit once cleaned.
            (.text(max: 5), .text("Ana\u{0}\u{0}\u{0}"), .tooLong(max: 5)),
            (.text, .blob(Data([1])), .wrongType(expected: .text)),
            (.text, .integer(3), .wrongType(expected: .text)),
            (.integer(1...10), .integer(11), .outOfRange(1...10)),
            (.integer, .text("3"), .wrongType(expected: .integer)),
            (.boolean, .integer(2), .notBoolean),
            (.real, .real(.nan), .notFinite),
            (.word(["a"]), .text("b"), .notInVocabulary(["a"])),
            (.instant, .text("2017-09-18"), .notInstant),
            (.instant, .text("2017-13-40T25:00:00Z"), .notInstant),
            (.instant, .text("2017-09-18T23:59:60Z"), .notInstant),
            (.instant, .text("2017-09-18T13:00:00.Z"), .notInstant),
            (.instant, .text("2017-09-18T13:00:00.1234567890Z"), .notInstant),
            (.instant, .text("2017-09-18T13:00:00+02:00"), .notInstant),
            (.instant, .text("2017-09-18 13:00:00Z"), .notInstant),
            (.date, .text("2017-9-18"), .notDate),
            (.date, .text("2017-02-30"), .notDate),
            (.url, .text("javascript:alert(1)"), .notURL),
            (.url, .text("https://exa mple.org"), .notURL),
            (.email, .text("@example.org"), .notEmail),
            (.timeZone, .text("Mars/Olympus"), .notTimeZone),
            (.identifier, .text("a b"), .notIdentifier),
        ]
        for (domain, value, problem) in refused {
            #expect(throws: problem, "\(value) in \(domain.kind)") { try domain.admit(value) }
        }
    }
}
