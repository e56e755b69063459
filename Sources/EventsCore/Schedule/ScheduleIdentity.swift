import Crypto
import Foundation

/// The identifiers the schedule format asks for, derived from a row's id alone so that the daemon and an
/// offline laptop write the same bytes for the same state.
enum ScheduleIdentity {
    /// A UUID: the id itself when it is one (rows made by commands are), else one derived from it.
    static func guid(of id: String) -> String {
        id.wholeMatch(of: #/[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}/#) != nil
            ? id.lowercased() : StableID.make("schedule-guid", id)
    }

    /// A positive 31-bit number per session (apps store it as a 32-bit integer), distinct within one programme:
    /// a clash, once in millions, moves the later id in id order to the next free number.
    static func numbers(of ids: [String]) -> [String: Int] {
        var taken: Set<Int> = []
        var numbers: [String: Int] = [:]
        for id in ids.sorted() {
            let digest = Array(SHA256.hash(data: Data(("schedule-id\u{1F}" + id).utf8)))
            var number = Int(digest.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) } & 0x7FFF_FFFF)
            while number == 0 || taken.contains(number) { number = number % 0x7FFF_FFFF + 1 }
            taken.insert(number)
            numbers[id] = number
        }
        return numbers
    }

    /// Lowercase letters, digits and `_` only, for acronyms and slugs.
    static func word(_ text: String) -> String {
        String(text.lowercased().map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? $0 : "_" })
    }

    /// Lowercase words joined by `-`: `Opening plenary` is `opening-plenary`.
    static func slug(_ text: String) -> String {
        word(text).split(separator: "_").joined(separator: "-")
    }
}
