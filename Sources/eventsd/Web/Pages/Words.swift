/// The vocabulary's words as a page shows them: "side-event" reads "Side event", "co-chair" "Co-chair".
enum Words {
    static func label(_ word: String) -> String {
        let spaced = word.replacingOccurrences(of: "-", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}
