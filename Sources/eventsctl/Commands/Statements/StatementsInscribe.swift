import ArgumentParser
import EventsCore

extension Statements {
    struct Inscribe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Inscribe a speaker; the daemon orders the list when the inscription reaches it.",
            discussion:
                "RANK: \(ProtocolRank.allCases.map(\.rawValue).joined(separator: ", ")). Prints the inscription's id.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The session's id.") var session: String
        @Option(help: "The speaker's email or id.") var person: String
        @Option(help: "The speaker's protocol rank.") var rank: ProtocolRank
        @Option(help: "The organization spoken for, as 'orgs list' shows it (default: the speaker's own).")
        var onBehalfOf: String?

        func run() throws {
            print(
                try global.location.openStore().inscribe(
                    sessionID: session, person: person, rank: rank.rawValue, onBehalfOf: onBehalfOf))
        }
    }
}
