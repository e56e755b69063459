import ArgumentParser
import EventsCore

extension Schedule {
    struct Changes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What changed in the programme since a published version, unpublished edits included.",
            discussion: """
                With --mine: what changed, since your sync before the latest, in the sessions you accepted or \
                tentatively accepted or hold a role in; from this laptop's replica, offline.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "The event's slug (optional with --mine).") var event: String?
        @Option(help: "The version to compare with (default: the latest; 0: since the beginning).") var since: Int?
        @Flag(help: "Only your sessions, changed since your previous sync.") var mine = false
        @Option(name: .customLong("as"), help: "With --mine: whose sessions (default: the logged-in account).")
        var person: String?
        @Flag(help: "Print JSON for scripts.") var json = false

        func validate() throws {
            if mine, since != nil { throw ValidationError("Choose --since or --mine, not both.") }
            if !mine, event == nil { throw ValidationError("Name the event with --event SLUG (or ask for --mine).") }
            if let since, since < 0 { throw ValidationError("--since takes a version number, 0 or more.") }
            if person != nil, !mine { throw ValidationError("--as goes with --mine.") }
        }

        func run() throws {
            let home = global.location
            let store = try home.openStore()
            if mine {
                let changes = try store.myScheduleChanges(person: try home.me(person), eventSlug: event)
                if json { return try printJSON(changes ?? []) }
                guard let changes else {
                    return print("This laptop remembers no earlier sync yet: changes are told from the second on.")
                }
                print(
                    changes.isEmpty
                        ? "None of your sessions changed since your previous sync."
                        : ScheduleChangesText(changes, namesEvents: true).render())
                return
            }
            let report = try store.scheduleChanges(eventSlug: event ?? "", since: since)
            if json { return try printJSON(report.changes) }
            let base = report.since == 0 ? "the beginning" : "version \(report.since)"
            guard !report.changes.isEmpty else { return print("No changes to \(report.event) since \(base).") }
            print("Changes to \(report.event) since \(base) (times in \(report.timeZone)):")
            print(ScheduleChangesText(report.changes).render())
        }
    }
}
