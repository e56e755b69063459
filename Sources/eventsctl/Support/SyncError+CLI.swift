import Sync

extension SyncError {
    /// The error as this terminal tool says it: Sync names no application, so the commands to run are added here.
    var cliMessage: String {
        switch self {
        case .unauthorized: description + " Log in again with 'eventsctl login'."
        case .resyncRequired: description + " Run 'eventsctl rebuild' (it sends them first)."
        case .unsupportedSchema: description.replacingOccurrences(of: "the client must be upgraded", with: "upgrade eventsctl")
        default: description
        }
    }
}
