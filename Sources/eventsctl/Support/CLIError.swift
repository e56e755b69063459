enum CLIError: Error, CustomStringConvertible {
    case notLoggedIn
    case unreadableConfig(String)
    case unknownIdentity
    case unreadableFile(String)

    var description: String {
        switch self {
        case .notLoggedIn:
            "Not logged in: run 'eventsctl login --server URL --token TOKEN' first."
        case .unknownIdentity:
            "Who are you? Log in with 'eventsctl login' while the daemon is reachable, or pass --as EMAIL."
        case .unreadableFile(let path):
            "Cannot read \(path)."
        case .unreadableConfig(let path):
            "The config file \(path) is not valid JSON; log in again to rewrite it."
        }
    }
}
