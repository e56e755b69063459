import EventsCore

/// Changes to a programme as a terminal shows them: a line per change with its kind and session, then what it
/// was and what it is; under a line naming each event when `namesEvents`.
struct ScheduleChangesText {
    let changes: [ScheduleChange]
    let namesEvents: Bool

    init(_ changes: [ScheduleChange], namesEvents: Bool = false) {
        self.changes = changes
        self.namesEvents = namesEvents
    }

    func render() -> String {
        let events = changes.reduce(into: [String]()) { if !$0.contains($1.event) { $0.append($1.event) } }
        let width = (changes.map(\.kind.rawValue.count).max() ?? 0) + 2
        return events.map { event in
            let lines = changes.filter { $0.event == event }.flatMap { change in
                let kind = change.kind.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                let indent = String(repeating: " ", count: width + 2)
                return [
                    "  \(kind)\(change.title)",
                    indent
                        + [change.before, change.after].compactMap { $0 }
                        .joined(separator: " → "),
                ]
            }
            return (namesEvents ? ["\(event):"] : []) + lines
        }.flatMap { $0 }.joined(separator: "\n")
    }
}
