import Crypto
import Foundation

/// Identifiers for rows that several replicas may create independently, derived from what names them, so the
/// same thing made twice offline is one row.
public enum StableID {
    /// The first 16 bytes of the SHA-256 of the parts (joined by U+001F), written as a UUID is: 8-4-4-4-12
    /// lowercase hexadecimal digits.
    public static func make(_ parts: String...) -> String {
        let digest = SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8))
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in digest.prefix(16).enumerated() {
            if [4, 6, 8, 10].contains(index) { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
