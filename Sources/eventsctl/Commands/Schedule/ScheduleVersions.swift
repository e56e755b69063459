import ArgumentParser
import EventsCore
import Foundation

extension Schedule {
    struct Versions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The event's published versions, and those pending until the next sync.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug.") var event: String
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let store = try global.location.openStore()
            let versions = try store.scheduleVersions(eventSlug: event)
            if json { return try printJSON(versions) }
            let zone = try store.event(slug: event).timeZone
            var table = TextTable(header: ["VERSION", "PUBLISHED", "BY", "HASH", "NOTE"])
            table.rows = versions.map { version in
                [
                    version.number.map(String.init) ?? "pending",
                    version.publishedAt.flatMap { Instant.parse($0) }.map { Instant.display($0, in: zone) } ?? "-",
                    version.publishedBy ?? "-", version.hash.map { String($0.prefix(12)) } ?? "-", version.note ?? "",
                ]
            }
            print(versions.isEmpty ? "No versions of \(event) published yet." : table.render())
        }
    }
}
