import ArgumentParser
import Foundation
import Sync

struct Login: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Save the daemon's URL and your token, checking them if the daemon is reachable.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The daemon's base URL, such as http://127.0.0.1:8080.")
    var server: String

    @Option(help: "Your bearer token (from 'eventsd admin create-user').")
    var token: String

    func validate() throws {
        guard let url = URL(string: server), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("--server must be an http(s) URL such as http://127.0.0.1:8080.")
        }
        guard !token.isEmpty else { throw ValidationError("--token must not be empty.") }
    }

    func run() throws {
        let home = global.location
        let transport = try CurlTransport(baseURL: server, token: token)
        do {
            let body = try transport.perform(path: "/v1/me", body: nil)
            let me = try JSONDecoder().decode(Me.self, from: body)
            try home.save(CLIConfig(server: transport.baseURL, token: token, email: me.email))
            print("Logged in to \(transport.baseURL) as \(me.name) <\(me.email)>.")
        } catch SyncError.unreachable(let url, let reason) {
            try home.save(CLIConfig(server: transport.baseURL, token: token))
            print("Saved; \(url) is not reachable now (\(reason)), the token will be checked at the next sync.")
        }
    }

    private struct Me: Decodable {
        var name: String
        var email: String
    }
}
