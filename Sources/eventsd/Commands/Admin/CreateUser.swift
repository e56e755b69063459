import ArgumentParser
import EventsCore

struct CreateUser: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create an account; prints its bearer token as the last line.")

    @Option(help: "The daemon's SQLite file.")
    var db: String

    @Option(help: "The account's email address (unique).")
    var email: String

    @Option(help: "The person's name.")
    var name: String

    @Flag(help: "Make the account an administrator.")
    var admin = false

    func run() throws {
        let (account, token) = try AccountStore(replica: try openDaemonReplica(path: db)).createAccount(
            email: email, name: name, isAdmin: admin)
        print(
            "Created \(account.isAdmin ? "administrator" : "account") \(account.email) (\(account.id)). Bearer token:")
        print(token)
    }
}
