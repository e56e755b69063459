enum CLIError: Error, CustomStringConvertible {
    case notLoggedIn
    case unreadableConfig(String)

    var description: String {
        switch self {
        case .notLoggedIn:
            "Not logged in: run 'eventsctl login --server URL --token TOKEN' first."
        case .unreadableConfig(let path):
            "The config file \(path) is not valid JSON; log in again to rewrite it."
        }
    }
}
