import ArgumentParser
import EventsCore

extension Declarations {
    struct Signatories: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A declaration's named and approved public signatories, '*' marking a reservation.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The declaration's id or title.") var declaration: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let signatories = try global.location.openStore().signatories(declaration: declaration)
            if json { return try printJSON(signatories) }
            print(signatories.title)
            for (heading, list) in [("Signatories", signatories.named), ("Public signatories", signatories.public)] {
                print("\n\(heading) (\(list.count))")
                for signatory in list {
                    print("  \(signatory.markedName)\(signatory.affiliation.map { ", \($0)" } ?? "")")
                    if let text = signatory.reservation { print("    Reservation: \(text)") }
                }
            }
            print("\n\(EventsCore.Signatories.footnote)")
        }
    }
}
