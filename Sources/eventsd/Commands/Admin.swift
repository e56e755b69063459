import ArgumentParser
import EventsCore
import Sync

struct Admin: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage accounts in the daemon's database.",
        subcommands: [
            CreateUser.self, CreateToken.self, RevokeTokens.self, Grant.self, Revoke.self, CollectTombstones.self,
            Check.self,
        ])
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
        let (account, token) = try AccountStore(replica: store.replica).createAccount(
            email: email, name: name, isAdmin: admin)
        print(
            "Created \(account.isAdmin ? "administrator" : "account") \(account.email) (\(account.id)). Bearer token:")
        print(token)
    }
}

/// The options every admin command shares.
struct AdminOptions: ParsableArguments {
    @Option(help: "The daemon's SQLite file.")
    var db: String

    @Option(help: "The account's email address.")
    var email: String

    func accounts() throws -> AccountStore {
        AccountStore(replica: try openDaemonStore(path: db).replica)
    }
}

struct CreateToken: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make another bearer token for an account; prints it as the last line.")
    @OptionGroup var options: AdminOptions

    func run() throws {
        print(try options.accounts().createToken(for: options.email))
    }
}

struct RevokeTokens: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Revoke every bearer token of an account, effective at once.")
    @OptionGroup var options: AdminOptions

    func run() throws {
        print("Revoked \(try options.accounts().revokeTokens(of: options.email)) token(s) of \(options.email).")
    }
}

/// The options of `grant` and `revoke`: whose role, in which event.
struct RoleArguments: ParsableArguments {
    @OptionGroup var options: AdminOptions
    @Option(help: "The event's slug.") var event: String
    @Option(help: "organizer or attendee.") var role: String

    func validate() throws {
        guard AccountStore.EventRole(rawValue: role) != nil else {
            throw ValidationError("--role is organizer or attendee.")
        }
    }

    var eventRole: AccountStore.EventRole { AccountStore.EventRole(rawValue: role)! }
}

struct Grant: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Give an account a role in an event: organizer or attendee.")
    @OptionGroup var arguments: RoleArguments

    func run() throws {
        try arguments.options.accounts().grant(
            arguments.eventRole, to: arguments.options.email, eventSlug: arguments.event)
        print("\(arguments.options.email) is now \(arguments.role) of \(arguments.event).")
    }
}

struct Revoke: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Take an account's role in an event away.")
    @OptionGroup var arguments: RoleArguments

    func run() throws {
        let email = arguments.options.email
        let removed = try arguments.options.accounts().revoke(
            arguments.eventRole, from: email, eventSlug: arguments.event)
        print(
            removed
                ? "\(email) is no longer \(arguments.role) of \(arguments.event)."
                : "\(email) was not \(arguments.role) of \(arguments.event).")
    }
}

struct CollectTombstones: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Forget rows deleted more than N days ago (eventsd serve does this at start).")
    @Option(help: "The daemon's SQLite file.") var db: String
    @Option(help: "Age in days of the deletions to forget.") var olderThanDays = 180

    func run() throws {
        let store = try openDaemonStore(path: db)
        let server = SyncServer(replica: store.replica, policy: EventsPolicy())
        let forgotten = try server.collectTombstones(
            olderThan: Replica.wallClock() - Int64(olderThanDays) * 86_400_000 + 1)
        print("Forgot \(forgotten) deleted row(s).")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List stored values that break their column's declaration (type, vocabulary, size), to repair them.",
        discussion: "Prints one line per value and exits 1 when it found any.")
    @Option(help: "The daemon's SQLite file.") var db: String

    func run() throws {
        let problems = try openDaemonStore(path: db).replica.storedValueProblems()
        guard !problems.isEmpty else { return print("Every stored value fits its column's declaration.") }
        for problem in problems { print(problem) }
        throw ExitCode(1)
    }
}
