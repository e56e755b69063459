import ArgumentParser
import EventsCore

extension Declarations {
    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve a public signature: it is listed once synced.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The declaration's id or title.") var declaration: String
        @Option(help: "The signature's id (see 'declarations pending').") var signature: String

        func run() throws {
            try global.location.openStore().decideSignature(
                declaration: declaration, signature: signature, approve: true)
            print("Approved; run 'eventsctl sync' to send it.")
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a public signature: it is never listed.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The declaration's id or title.") var declaration: String
        @Option(help: "The signature's id (see 'declarations pending').") var signature: String

        func run() throws {
            try global.location.openStore().decideSignature(
                declaration: declaration, signature: signature, approve: false)
            print("Rejected; run 'eventsctl sync' to send it.")
        }
    }
}
