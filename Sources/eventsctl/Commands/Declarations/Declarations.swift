import ArgumentParser
import EventsCore

struct Declarations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Texts people sign, and who signed them.",
        subcommands: [
            Add.self, List.self, Publish.self, Signatories.self, Pending.self, Approve.self, Reject.self,
        ])
}
