import ArgumentParser
import Foundation
import Sync

struct Feed: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Your personal calendar feed: a URL to subscribe to in any calendar app, revocable at any time.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Revoke every feed URL you made; calendars subscribed to them stop updating.") var revoke = false

    func run() throws {
        let config = try global.location.requireConfig()
        let transport = try CurlTransport(baseURL: config.server, token: config.token)
        if revoke {
            _ = try transport.perform(path: "/v1/me/feed", body: nil, method: "DELETE")
            return print("Revoked your feed URLs.")
        }
        struct Link: Decodable { var url: String }
        let link = try JSONDecoder().decode(
            Link.self, from: transport.perform(path: "/v1/me/feed", body: Data("{}".utf8)))
        print(link.url)
    }
}
