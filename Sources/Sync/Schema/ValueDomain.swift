import Foundation

/// What a replicated column may hold: its type, its vocabulary or shape, and its size. Every value is checked
/// against its column's domain before it is stored, whether a laptop pushed it or a local command wrote it, so
/// nothing stored can surprise a reader. `null` is always admitted: fields of one row arrive independently, and
/// "required" is the application's rule.
public struct ValueDomain: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Text cleaned of control characters and trimmed, at most `maxLength` characters.
        case text
        /// One word of a closed vocabulary.
        case word(Set<String>)
        /// A row id: letters, digits and `-_.:`, at most `maxLength` characters.
        case identifier
        case integer(ClosedRange<Int64>)
        /// 0 or 1.
        case boolean
        /// An ISO 8601 instant in UTC: `2017-09-18T13:00:00Z`.
        case instant
        /// A calendar date: `2017-09-18`.
        case date
        /// An absolute `http` or `https` URL.
        case url
        /// Something on both sides of an `@`, without spaces.
        case email
        /// An IANA time zone name such as `America/New_York`.
        case timeZone
        case real
        case blob
    }

    public let kind: Kind
    public let maxLength: Int

    public init(_ kind: Kind, maxLength: Int = 10_000) {
        self.kind = kind
        self.maxLength = maxLength
    }

    public static let text = ValueDomain(.text)
    public static func text(max: Int) -> ValueDomain { ValueDomain(.text, maxLength: max) }
    public static func word(_ words: some Sequence<String>) -> ValueDomain {
        ValueDomain(.word(Set(words)), maxLength: 64)
    }
    public static let identifier = ValueDomain(.identifier, maxLength: 128)
    public static let integer = ValueDomain(.integer(Int64.min...Int64.max))
    public static func integer(_ range: ClosedRange<Int64>) -> ValueDomain { ValueDomain(.integer(range)) }
    public static let boolean = ValueDomain(.boolean)
    public static let instant = ValueDomain(.instant, maxLength: 40)
    public static let date = ValueDomain(.date, maxLength: 10)
    public static let url = ValueDomain(.url, maxLength: 2_048)
    public static let email = ValueDomain(.email, maxLength: 254)
    public static let timeZone = ValueDomain(.timeZone, maxLength: 64)
    public static let real = ValueDomain(.real)
    public static let blob = ValueDomain(.blob, maxLength: 1 << 20)

    /// The SQLite type the column is declared with.
    public var affinity: ReplicatedColumn.Affinity {
        switch kind {
        case .integer, .boolean: .integer
        case .real: .real
        case .blob: .blob
        default: .text
        }
    }

    /// The value as it is stored (text cleaned), or why it cannot be.
    public func admit(_ value: SyncValue) throws(ValueProblem) -> SyncValue {
        switch (kind, value) {
        case (_, .null):
            return .null
        case (.integer(let range), .integer(let number)):
            guard range.contains(number) else { throw .outOfRange(range) }
            return value
        case (.boolean, .integer(let number)):
            guard number == 0 || number == 1 else { throw .notBoolean }
            return value
        case (.real, .real(let number)):
            guard number.isFinite else { throw .notFinite }
            return value
        case (.real, .integer):
            return value
        case (.blob, .blob(let data)):
            guard data.count <= maxLength else { throw .tooLong(max: maxLength) }
            return value
        case (.integer, _), (.boolean, _), (.real, _), (.blob, _):
            throw .wrongType(expected: affinity)
        case (_, .text(let text)):
            return .text(try admit(text: text))
        default:
            throw .wrongType(expected: affinity)
        }
    }

    private func admit(text raw: String) throws(ValueProblem) -> String {
        // Counted in code points, as JSON Schema's maxLength counts them, and before cleaning, as a client sends it.
        guard raw.unicodeScalars.count <= maxLength else { throw .tooLong(max: maxLength) }
        let text = raw.cleanedText
        switch kind {
        case .word(let words):
            guard words.contains(text) else { throw .notInVocabulary(words.sorted()) }
        case .identifier:
            guard !text.isEmpty, text.unicodeScalars.allSatisfy(Self.identifierScalars.contains) else {
                throw .notIdentifier
            }
        case .instant:
            guard Self.isInstant(text) else { throw .notInstant }
        case .date:
            guard Self.isDate(text) else { throw .notDate }
        case .url:
            guard Self.isURL(text) else { throw .notURL }
        case .email:
            guard Self.isEmail(text) else { throw .notEmail }
        case .timeZone:
            guard TimeZone(identifier: text) != nil else { throw .notTimeZone }
        default:
            break
        }
        return text
    }

    private static let identifierScalars = CharacterSet.alphanumerics.intersection(
        CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127))
    )
    .union(CharacterSet(charactersIn: "-_.:"))

    /// `YYYY-MM-DDTHH:MM:SS`, then up to nine decimals, then `Z`.
    private static func hasInstantShape(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z"),
            hasDigits(bytes.prefix(19), as: "9999-99-99T99:99:99")
        else { return false }
        let fraction = bytes.dropFirst(19).dropLast()
        return fraction.isEmpty
            || (fraction.first == UInt8(ascii: ".") && fraction.count <= 10
                && hasDigits(fraction.dropFirst(), as: String(repeating: "9", count: fraction.count - 1)))
    }

    /// Whether `bytes` read as `pattern` with each `9` any decimal digit (`9999-99-99` for a date).
    private static func hasDigits(_ bytes: Substring.UTF8View, as pattern: String) -> Bool {
        bytes.count == pattern.utf8.count && !bytes.isEmpty
            && zip(bytes, pattern.utf8).allSatisfy { byte, expected in
                expected == UInt8(ascii: "9")
                    ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) : byte == expected
            }
    }

    private static func isInstant(_ text: String) -> Bool {
        // No leap second: the parser would take `60` for the next minute.
        guard hasInstantShape(text), !text.dropFirst(17).hasPrefix("60") else { return false }
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: text.contains("."))
        return (try? style.parse(text)) != nil
    }

    private static func isDate(_ text: String) -> Bool {
        guard hasDigits(Substring(text).utf8, as: "9999-99-99") else { return false }
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withFullDate]
        guard let date = parser.date(from: text) else { return false }
        return parser.string(from: date) == text
    }

    private static func isURL(_ text: String) -> Bool {
        guard !text.contains(where: \.isWhitespace), let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = components.host, !host.isEmpty
        else { return false }
        return true
    }

    /// One `@` with something on both sides, no spaces or control characters; delivery decides the rest.
    private static func isEmail(_ text: String) -> Bool {
        guard
            !text.contains(where: {
                $0.isWhitespace || $0.unicodeScalars.contains { CharacterSet.controlCharacters.contains($0) }
            }),
            text.filter({ $0 == "@" }).count == 1, let at = text.firstIndex(of: "@")
        else { return false }
        return at != text.startIndex && text.index(after: at) != text.endIndex
    }
}

/// Why a value does not belong in its column.
public enum ValueProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case wrongType(expected: ReplicatedColumn.Affinity)
    case tooLong(max: Int)
    case outOfRange(ClosedRange<Int64>)
    case notBoolean
    case notFinite
    case notInVocabulary([String])
    case notIdentifier
    case notInstant
    case notDate
    case notURL
    case notEmail
    case notTimeZone

    public var description: String {
        switch self {
        case .wrongType(let affinity): "must be \(affinity.noun)"
        case .tooLong(let max): "must be at most \(max) characters"
        case .outOfRange(let range): "must be between \(range.lowerBound) and \(range.upperBound)"
        case .notBoolean: "must be 0 or 1"
        case .notFinite: "must be a finite number"
        case .notInVocabulary(let words): "must be one of: \(words.joined(separator: ", "))"
        case .notIdentifier: "must be an id of letters, digits and '-_.:'"
        case .notInstant: "must be an instant in UTC such as 2017-09-18T13:00:00Z"
        case .notDate: "must be a date such as 2017-09-18"
        case .notURL: "must be an http or https URL"
        case .notEmail: "must be an email address"
        case .notTimeZone: "must be an IANA time zone such as America/New_York"
        }
    }
}

extension ReplicatedColumn.Affinity {
    var noun: String {
        switch self {
        case .text: "text"
        case .integer: "an integer"
        case .real: "a number"
        case .blob: "binary data"
        }
    }
}

extension String {
    /// The text without control characters (C0 other than tab and newlines, DEL, C1), trimmed. SQLite's C API
    /// ends text at a NUL, and an escape sequence in a name would reach an organizer's terminal.
    public var cleanedText: String {
        // Most text is clean already: checked without building a copy.
        let scalars = unicodeScalars
        if scalars.allSatisfy(Self.isKept), scalars.first.map(Self.isBlank) != true,
            scalars.last.map(Self.isBlank) != true
        {
            return self
        }
        return String(String.UnicodeScalarView(scalars.filter(Self.isKept)))
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0..<0x20, 0x7F...0x9F: false
        default: true
        }
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        CharacterSet.whitespacesAndNewlines.contains(scalar)
    }
}
