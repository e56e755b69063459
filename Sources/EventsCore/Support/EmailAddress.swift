extension String {
    /// Whether the text can be an email address: something on both sides of an `@`. Delivery decides the rest.
    var looksLikeEmail: Bool {
        guard let at = firstIndex(of: "@") else { return false }
        return at != startIndex && index(after: at) != endIndex
    }
}
