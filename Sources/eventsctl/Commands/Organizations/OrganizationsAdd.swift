import ArgumentParser
import EventsCore

extension Organizations {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an organization; prints its id.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Its name, such as 'Government of Ghana'.") var name: String
        @Option(help: "\(OrganizationKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: String
        @Option(help: "Country code.") var country: String?
        @Option(help: "For governments: developed or developing.") var status: String?

        func run() throws {
            print(
                try global.location.openStore().addOrganization(
                    name: name, kind: kind, country: country, developmentStatus: status))
        }
    }
}
