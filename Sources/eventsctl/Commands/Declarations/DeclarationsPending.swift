import ArgumentParser
import EventsCore

extension Declarations {
    struct Pending: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Public signatures awaiting an organizer's decision, oldest first.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The declaration's id or title.") var declaration: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let pending = try global.location.openStore().pendingSignatures(declaration: declaration)
            if json { return try printJSON(pending) }
            var table = TextTable(header: ["SIGNATURE", "NAME", "AFFILIATION", "EMAIL", "SIGNED"])
            table.rows = pending.map {
                [
                    $0.signatureID, $0.markedName, $0.affiliation ?? "-", $0.contactEmail ?? "-",
                    $0.signedAt ?? "-",
                ]
            }
            print(pending.isEmpty ? "No signature awaits a decision." : table.render())
        }
    }
}
