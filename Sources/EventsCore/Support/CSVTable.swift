/// A CSV file read strictly (RFC 4180): a header row, then records of as many fields, fields optionally in
/// double quotes (`""` inside for a quote). A malformed record is an error naming its line, never silently
/// merged into a neighbour: an unterminated quote, text after a closing quote, a quote inside an unquoted
/// field, or a record with too many or too few fields.
struct CSVTable {
    struct Record {
        /// The line the record starts on, 1 being the header.
        let line: Int
        let fields: [String: String]

        subscript(_ column: String) -> String? {
            fields[column].flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    struct Problem: Error, Equatable {
        let line: Int
        let reason: String
    }

    let header: [String]
    /// Well-formed records.
    let records: [Record]
    /// Malformed records, with their lines.
    let problems: [Problem]

    init(_ text: String) throws(Problem) {
        var reader = Reader(text)
        guard let first = try reader.next() else { throw Problem(line: 1, reason: "the file is empty") }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var records: [Record] = []
        var problems: [Problem] = []
        while true {
            do {
                guard let next = try reader.next() else { break }
                if next.fields == [""] { continue }
                guard next.fields.count == header.count else {
                    problems.append(
                        Problem(
                            line: next.line, reason: "\(next.fields.count) fields where the header has \(header.count)")
                    )
                    continue
                }
                records.append(
                    Record(
                        line: next.line,
                        fields: Dictionary(zip(header, next.fields), uniquingKeysWith: { first, _ in first })))
            } catch {
                problems.append(error)
                if !reader.skipRecord() { break }
            }
        }
        self.records = records
        self.problems = problems
    }

    /// Reads records character by character, counting lines.
    private struct Reader {
        let characters: [Character]
        var position = 0
        var line = 1
        /// Where the record being read began, to skip just its first line when it is malformed.
        private var recordStart = (position: 0, line: 1)

        init(_ text: String) {
            characters = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        }

        mutating func next() throws(Problem) -> (line: Int, fields: [String])? {
            guard position < characters.count else { return nil }
            recordStart = (position, line)
            let start = line
            var fields: [String] = []
            while true {
                let (field, ended) = try field(startingLine: start)
                fields.append(field)
                if ended { return (start, fields) }
            }
        }

        /// One field; `ended` when it closed its record (end of line or of file).
        private mutating func field(startingLine start: Int) throws(Problem) -> (String, ended: Bool) {
            if position < characters.count, characters[position] == "\"" { return try quotedField(startingLine: start) }
            var value = ""
            while true {
                if let ended = separator() { return (value, ended) }
                let character = characters[position]
                position += 1
                if character == "\"" { throw Problem(line: line, reason: "a quote inside an unquoted field") }
                value.append(character)
            }
        }

        /// A field in double quotes, which may hold commas, line breaks and `""` for a quote.
        private mutating func quotedField(startingLine start: Int) throws(Problem) -> (String, ended: Bool) {
            position += 1
            var value = ""
            while true {
                guard position < characters.count else {
                    throw Problem(line: start, reason: "a quoted field is never closed")
                }
                let character = characters[position]
                position += 1
                if character == "\"" {
                    guard position < characters.count, characters[position] == "\"" else { break }
                    position += 1
                } else if character.isNewline {
                    line += 1
                }
                value.append(character)
            }
            guard let ended = separator() else { throw Problem(line: line, reason: "text after a closing quote") }
            return (value, ended)
        }

        /// Consumes what ends a field: `false` after a comma, `true` at the end of a line or of the file; `nil`,
        /// consuming nothing, before anything else.
        private mutating func separator() -> Bool? {
            guard position < characters.count else { return true }
            let character = characters[position]
            if character == "," {
                position += 1
                return false
            }
            guard character.isNewline else { return nil }
            position += 1
            line += 1
            return true
        }

        /// After a malformed record, moves to the line after the one it began on (an unterminated quote takes
        /// no other line with it); false at the end of the file.
        mutating func skipRecord() -> Bool {
            (position, line) = recordStart
            while position < characters.count {
                let character = characters[position]
                position += 1
                if character.isNewline {
                    line += 1
                    return true
                }
            }
            return false
        }
    }
}
