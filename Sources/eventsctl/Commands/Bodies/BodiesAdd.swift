import ArgumentParser
import EventsCore

extension Bodies {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a body to a series; prints its id.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The body's name, such as 'Steering Group'.") var name: String
        @Option(help: "The series, such as GFMD.") var series: String
        @Option(help: "steering-group, friends-of-the-forum, advisory-committee or other (default: from the name).")
        var kind: String?

        func run() throws {
            print(try global.location.openStore().addBody(name: name, series: series, kind: kind))
        }
    }
}
