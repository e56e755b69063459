import ArgumentParser
import EventsCore

extension Bodies {
    struct RemoveMember: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-member", abstract: "End an organization's membership of a body.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The body's name or id.") var name: String
        @Option(help: "The series, where several have a body of that name.") var series: String?
        @Option(help: "The organization's name or id.") var organization: String
        @Option(help: "Only the term that began on this day (default: all its terms).") var from: String?

        func run() throws {
            try global.location.openStore().removeBodyMember(
                body: name, series: series, organization: organization, from: from)
        }
    }
}
