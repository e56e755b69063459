import Crypto
import Foundation

/// Identifiers for rows that several replicas may create independently, derived from what names them, so the
/// same thing made twice offline is one row.
public enum StableID {
    public static func make(_ parts: String...) -> String {
        let digest = Array(SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8)))
        let hex = digest.prefix(16).map { String(format: "%02x", $0) }.joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}
