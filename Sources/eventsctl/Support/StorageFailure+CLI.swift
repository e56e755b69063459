import Sync

extension StorageFailure {
    /// The failure as this terminal tool says it, with what to do next.
    var cliMessage: String {
        switch kind {
        case .busy:
            "The replica \(path) is locked by another program (is another eventsctl running?); nothing was changed, try again."
        case .damaged:
            "The replica \(path) is damaged; run 'eventsctl rebuild' to fetch a fresh copy from the daemon (the damaged file is kept)."
        case .full: "The disk holding \(path) is full; nothing was changed. Free some space and try again."
        case .cannotWrite: "The replica \(path) cannot be written (\(detail)); nothing was changed."
        case .other: description
        }
    }
}
