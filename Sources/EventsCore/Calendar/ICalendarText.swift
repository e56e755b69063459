/// The character-level rules of RFC 5545: TEXT escaping, parameter quoting and line folding.
enum ICalendarText {
    static let lineLimit = 75

    /// Escapes TEXT (§3.3.11): backslash, semicolon, comma and newlines; other control characters, which TEXT
    /// may not hold, are dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !previousWasCarriageReturn { result += "\\n" }
            case "\t": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A parameter value (§3.2): quoted when it holds `:`, `;` or `,`. A double quote cannot appear in one at
    /// all, so it becomes a single quote; control characters become spaces.
    static func parameterValue(_ value: String) -> String {
        let cleaned = String(
            String.UnicodeScalarView(
                value.unicodeScalars.map { scalar -> Unicode.Scalar in
                    if scalar == "\"" { return "'" }
                    if scalar.value < 0x20 || scalar.value == 0x7F { return " " }
                    return scalar
                }))
        return cleaned.contains(where: { ":;,".contains($0) }) ? "\"\(cleaned)\"" : cleaned
    }

    /// Folds a line so that no physical line exceeds 75 octets, breaking between grapheme clusters (so an emoji
    /// or a letter with its accents is never split), or between scalars for a cluster too long to fit at all.
    static func fold(_ line: String) -> String {
        var output = ""
        var used = 0
        var limit = lineLimit
        func breakLine() {
            output += "\r\n "
            used = 1
            limit = lineLimit
        }
        for character in units(of: line) {
            let size = character.utf8.count
            if used + size > limit {
                if size <= lineLimit - 1 {
                    breakLine()
                } else {
                    for scalar in character.unicodeScalars {
                        let scalarSize = String(scalar).utf8.count
                        if used + scalarSize > limit { breakLine() }
                        output.unicodeScalars.append(scalar)
                        used += scalarSize
                    }
                    continue
                }
            }
            output += character
            used += size
        }
        return output + "\r\n"
    }

    /// Grapheme clusters, with an escape sequence (`\,`, `\n`, …) kept whole so no line ends in a backslash.
    private static func units(of line: String) -> [String] {
        var units: [String] = []
        var pendingEscape = false
        for character in line {
            if pendingEscape {
                units[units.count - 1].append(character)
                pendingEscape = false
            } else {
                units.append(String(character))
                pendingEscape = character == "\\"
            }
        }
        return units
    }
}
