import ArgumentParser
import EventsCore

extension People {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a person (or update the one with that email); prints the id.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Full name.") var name: String
        @Option(help: "Email address.") var email: String?
        @Option(help: "The organization's name.") var organization: String?
        @Option(help: "Country code.") var country: String?

        func run() throws {
            print(
                try global.location.openStore().addPerson(
                    name: name, email: email, organization: organization, country: country))
        }
    }
}
