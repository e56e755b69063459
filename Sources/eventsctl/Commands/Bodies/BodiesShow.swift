import ArgumentParser
import EventsCore

extension Bodies {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A body's members and their terms; 'troika' gives the series' past, present and next hosts.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The body's name or id, or 'troika'.") var name: String
        @Option(help: "The series, where several have a body of that name (needed for 'troika').") var series: String?
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let store = try global.location.openStore()
            if name.lowercased() == "troika" { return try showTroika(store) }
            let body = try store.body(named: name, series: series)
            let members = try store.bodyMembers(bodyID: body.id)
            if json { return try printJSON(BodyListing(body: body, members: members)) }
            print("\(body.name) (\(body.series), \(body.kind.rawValue))")
            var table = TextTable(header: ["ORGANIZATION", "FROM", "TO"])
            table.rows = try members.map {
                [try store.organization($0.organizationID).name, $0.startsOn ?? "-", $0.endsOn ?? "-"]
            }
            print(members.isEmpty ? "No members recorded." : table.render())
        }

        private func showTroika(_ store: EventsStore) throws {
            guard let series else { throw ValidationError("Name the series: --series GFMD.") }
            let troikas = try store.troikas(series: series)
            if json { return try printJSON(troikas) }
            var table = TextTable(header: ["EVENT", "PAST", "PRESENT", "NEXT"])
            table.rows = troikas.map { [$0.eventSlug, $0.past ?? "-", $0.present, $0.next ?? "-"] }
            print(troikas.isEmpty ? "No event of \(series) has a host yet." : table.render())
        }
    }

    struct BodyListing: Encodable {
        var body: Body
        var members: [BodyMember]
    }
}
