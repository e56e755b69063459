import Foundation
import Sync
import TestHelpers
import Testing

/// Text is cleaned on every write: the quick path for clean text must give what the full cleaning gives.
@Suite struct CleanedTextTests {
    /// The full cleaning, as it was written before the quick path: drop control characters, then trim.
    static func reference(_ text: String) -> String {
        let kept = text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: true
            case 0..<0x20, 0x7F...0x9F: false
            default: true
            }
        }
        return String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func cleanTextIsKeptAndEverythingElseCleanedAsBefore() {
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", "é", "中", " ", "\t", "\n", "\r", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2003}",
            "\u{2028}", "\u{3000}", "\u{200B}", "\u{FEFF}", "🙂",
        ]
        var random = SeededGenerator(seed: 7_2026)
        var changed = 0
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...6, using: &random)
            let text = String(
                String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &random)! }))
            #expect(text.cleanedText == Self.reference(text), "\(Array(text.unicodeScalars))")
            if text.cleanedText != text { changed += 1 }
        }
        #expect(changed > 1_000, "the cases that need cleaning were reached")
        #expect("".cleanedText == "")
        #expect("Opening plenary".cleanedText == "Opening plenary")
    }
}
