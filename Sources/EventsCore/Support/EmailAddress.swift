import Foundation

extension String {
    /// Whether the text can be an email address: something on both sides of an `@`. Delivery decides the rest.
    var looksLikeEmail: Bool {
        guard let at = firstIndex(of: "@") else { return false }
        return at != startIndex && index(after: at) != endIndex
    }
}

/// The one form of an email address that accounts, people and rights compare: Unicode NFC, then lowercased as
/// Swift lowercases (every script, not ASCII only as SQLite's NOCASE does), so `ÉLODIE@…` and `élodie@…` are one
/// address everywhere.
public enum EmailAddress {
    public static func canonical(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping.lowercased()
    }
}
