import ArgumentParser

struct Admin: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage accounts in the daemon's database.",
        subcommands: [
            CreateUser.self, CreateToken.self, RevokeTokens.self, Grant.self, Revoke.self, CollectTombstones.self,
            Check.self,
        ])
}
