/// The vocabulary's words as a page shows them.
enum VocabularyLabel {
    /// A role or a kind: "co-chair" reads "Co-chair", "summit" "Summit".
    static func capitalized(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    /// A format: "side-event" reads "Side event".
    static func spaced(_ word: String) -> String {
        capitalized(word.replacingOccurrences(of: "-", with: " "))
    }
}
