import ArgumentParser
import EventsCore
import Foundation
import Sync

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Push queued changes to the daemon, then pull what changed.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let home = global.location
        let config = try home.requireConfig()
        let replica = try home.openReplica()
        let client = SyncClient(
            replica: replica, transport: try CurlTransport(baseURL: config.server, token: config.token))
        let progress = ProgressLine()
        let report: SyncClient.Report
        do {
            report = try client.sync { progress.show("pushed \($0.pushed), pulled \($0.pulled) changes") }
        } catch SyncError.resyncRequired {
            progress.finish()
            print(
                "The daemon forgot old deletions since this laptop last synced; rebuilding the replica (queued changes were sent)."
            )
            return try Rebuild.rebuild(home: home, config: config)
        }
        progress.finish()
        var summary = "Synced with \(config.server): pushed \(report.pushed) changes"
        if report.refused > 0 { summary += " (\(report.refused) refused, see 'eventsctl status')" }
        print(summary + ", pulled \(report.pulled).")
        guard report.pulled > 0 else { return }
        let store = EventsStore(replica: replica)
        try store.rememberProgrammes()
        if let email = config.email { try tellChangedSessions(of: email, in: store) }
    }

    /// One line when the sync brought changes to the person's own sessions.
    private func tellChangedSessions(of email: String, in store: EventsStore) throws {
        let sessions = Set(try store.myScheduleChanges(person: email)?.map(\.sessionID) ?? []).count
        guard sessions > 0 else { return }
        let count = sessions == 1 ? "1 of your sessions" : "\(sessions) of your sessions"
        print("\(count) changed: eventsctl schedule changes --mine")
    }
}

/// A one-line progress display on stderr, only when stderr is a terminal.
final class ProgressLine {
    private let enabled = isatty(STDERR_FILENO) == 1
    private var shown = false

    func show(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
        shown = true
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
