import Foundation

/// A session's list of speakers as everyone reads it after a sync: by protocol rank, then by the order the
/// inscriptions reached the daemon; inscriptions still on a laptop come last, provisional. Each statement has an
/// estimated start from the session's start and its time per statement.
public struct SpeakersList: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var position: Int
        public var personID: String
        public var name: String
        public var rank: ProtocolRank
        /// The organization's name.
        public var onBehalfOf: String?
        public var estimatedStart: Date
        /// Not yet ordered by the daemon.
        public var provisional: Bool
    }

    public var sessionID: String
    public var timeZone: String
    public var statementMinutes: Int
    public var entries: [Entry]

    /// The minutes a statement takes when the session names none.
    public static let defaultStatementMinutes = 5

    /// The inscriptions in list order: ordered ones by rank then arrival, then provisional ones by rank.
    static func ordered(_ statements: [Statement]) -> [Statement] {
        statements.sorted { first, second in
            (
                (first.arrival == nil ? 1 : 0), first.rank.precedence, first.arrival ?? 0, first.inscribedAt ?? "",
                first.id
            )
                < (
                    (second.arrival == nil ? 1 : 0), second.rank.precedence, second.arrival ?? 0,
                    second.inscribedAt ?? "", second.id
                )
        }
    }
}
