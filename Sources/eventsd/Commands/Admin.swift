import ArgumentParser
import EventsCore

struct Admin: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage accounts in the daemon's database.",
        subcommands: [CreateUser.self])
}

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
        let store = try openDaemonStore(path: db)
        let (account, token) = try AccountStore(replica: store.replica).createAccount(email: email, name: name, isAdmin: admin)
        print("Created \(account.isAdmin ? "administrator" : "account") \(account.email) (\(account.id)). Bearer token:")
        print(token)
    }
}
