import Foundation
import Sync

extension String {
    /// Whether the text can be an email address, by the same check every stored email meets (`ValueDomain.email`):
    /// one `@` with something on both sides, no spaces or control characters. Delivery decides the rest.
    var looksLikeEmail: Bool {
        (try? ValueDomain.email.admit(.text(self))) == .text(self)
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
