import ArgumentParser

struct CreateToken: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make another bearer token for an account; prints it as the last line.")
    @OptionGroup var options: AdminOptions

    func run() throws {
        print(try options.accounts().createToken(for: options.email))
    }
}
