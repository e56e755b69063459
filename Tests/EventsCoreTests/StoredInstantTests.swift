import Foundation
import TestHelpers
import Testing

@testable import EventsCore

/// The stored form of an instant is read by hand, for speed: it must read every text exactly as the ISO 8601
/// formatter does, refusals included.
@Suite struct StoredInstantTests {
    @Test func theStoredFormIsReadAsTheFormatterReadsIt() throws {
        var random = SeededGenerator(seed: 20_261_207)
        var checked = (instants: 0, refused: 0)
        for _ in 0..<20_000 {
            let seconds = Int.random(in: -2_208_988_800...4_102_444_799, using: &random)
            let text = Instant.format(Date(timeIntervalSince1970: TimeInterval(seconds)))
            #expect(Instant.storedForm(text) == Date(timeIntervalSince1970: TimeInterval(seconds)), "\(text)")
            checked.instants += 1
        }
        let malformed = [
            "2023-02-29T10:00:00Z", "2024-02-30T10:00:00Z", "2023-04-31T00:00:00Z", "2023-13-01T00:00:00Z",
            "2023-00-10T00:00:00Z", "2023-01-00T00:00:00Z", "2023-01-01T24:00:00Z", "2023-01-01T23:60:00Z",
            "2023-01-01T23:59:60Z", "2023-01-01 23:59:59Z", "2023-01-01T23:59:59", "2023-01-01T23:59:5aZ",
            "+023-01-01T23:59:59Z", "2023-01-01T23:59:59.5Z", "", "2023-1-01T23:59:59Z",
        ]
        for text in malformed {
            #expect(Instant.storedForm(text) == nil, "\(text)")
            checked.refused += 1
        }
        #expect(Instant.storedForm("2024-02-29T23:59:59Z") == (try Date("2024-02-29T23:59:59Z", strategy: .iso8601)))
        #expect(Instant.storedForm("2000-02-29T00:00:00Z") == (try Date("2000-02-29T00:00:00Z", strategy: .iso8601)))
        #expect(Instant.storedForm("1900-02-29T00:00:00Z") == nil, "1900 was no leap year")
        #expect(checked == (20_000, malformed.count))
    }
}
