import Sync

extension SyncError {
    /// The error as this terminal tool says it: Sync names no application, so the commands to run are added here.
    /// (An old schema reaches a laptop as the daemon's own problem, which already says to upgrade eventsctl.)
    var cliMessage: String {
        switch self {
        case .unauthorized: description + " Log in again with 'eventsctl login'."
        case .resyncRequired: description + " Run 'eventsctl rebuild' (it sends them first)."
        default: description
        }
    }
}
