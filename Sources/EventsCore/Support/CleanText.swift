extension String {
    /// The text without control characters other than tab and newlines, trimmed. SQLite's C API ends text at a
    /// NUL, and no person means to type one, so they never reach the replica.
    var cleaned: String {
        String(String.UnicodeScalarView(unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F || "\t\n\r".unicodeScalars.contains($0) }))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
