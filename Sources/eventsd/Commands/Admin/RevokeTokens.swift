import ArgumentParser

struct RevokeTokens: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Revoke every bearer token of an account, effective at once.")
    @OptionGroup var options: AdminOptions

    func run() throws {
        print("Revoked \(try options.accounts().revokeTokens(of: options.email)) token(s) of \(options.email).")
    }
}
