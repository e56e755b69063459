import ArgumentParser
import EventsCore

extension Bodies {
    struct AddMember: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-member", abstract: "Give an organization a term on a body; prints the term's id.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The body's name or id.") var name: String
        @Option(help: "The series, where several have a body of that name.") var series: String?
        @Option(help: "The organization's name or id.") var organization: String
        @Option(help: "The term's first day (YYYY-MM-DD).") var from: String?
        @Option(help: "The term's last day (YYYY-MM-DD).") var to: String?

        func run() throws {
            print(
                try global.location.openStore().addBodyMember(
                    body: name, series: series, organization: organization, from: from, to: to))
        }
    }
}
