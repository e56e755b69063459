import ArgumentParser
import EventsCore

struct Sign: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Sign a declaration, optionally with a reservation.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The declaration's id or title.") var declaration: String
    @Option(help: "A reservation, understanding or declaration to record with the signature.") var reservation: String?
    @Option(name: .customLong("as"), help: "Sign as this person (default: the logged-in account).") var person: String?

    func run() throws {
        let home = global.location
        try home.openStore().sign(declaration: declaration, person: try home.me(person), reservation: reservation)
        print("Signed\(reservation == nil ? "" : " with a reservation"); run 'eventsctl sync' to send it.")
    }
}
