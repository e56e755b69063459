import EventsCore

extension EventsError {
    /// The error as this terminal tool says it: EventsCore names no flag or command, so they are added here.
    var cliMessage: String {
        switch self {
        case .eventNotFound(let slug):
            "No event '\(slug)' in this replica (run 'eventsctl events list', or 'eventsctl sync' to fetch events)."
        case .sessionNotFound(let id):
            "No session \(id) in this replica (run 'eventsctl sessions list --event SLUG' to see the ids)."
        case .notFound(let kind, let key):
            "No \(kind) '\(key)' in this replica."
        case .substituteMissing:
            "Delegating needs --to PERSON, the substitute."
        case .substituteWithoutDelegation:
            "--to names a substitute, only when delegating."
        case .invalidRows:
            description + " Fix them or pass --skip-invalid."
        case .unreadableRow:
            description + " ('eventsd admin check' lists them on the daemon.)"
        default:
            description
        }
    }
}
