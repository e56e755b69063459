import ArgumentParser
import EventsCore

extension Declarations {
    /// What both decisions on a public signature name.
    struct SignatureChoice: ParsableArguments {
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The declaration's id or title.") var declaration: String
        @Option(help: "The signature's id (see 'declarations pending').") var signature: String

        func decide(approve: Bool) throws {
            try global.location.openStore().decideSignature(
                declaration: declaration, signature: signature, approve: approve)
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve a public signature: it is listed once synced.")
        @OptionGroup var choice: SignatureChoice

        func run() throws {
            try choice.decide(approve: true)
            print("Approved; run 'eventsctl sync' to send it.")
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a public signature: it is never listed.")
        @OptionGroup var choice: SignatureChoice

        func run() throws {
            try choice.decide(approve: false)
            print("Rejected; run 'eventsctl sync' to send it.")
        }
    }
}
