import EventsCore

/// An account error as the admin commands say it, with the command to run next.
struct AdminFailure: Error, CustomStringConvertible {
    let description: String

    init(accountsError error: AccountsError) {
        switch error {
        case .unknownAccount: description = error.description + " Create it with 'eventsd admin create-user'."
        default: description = error.description
        }
    }
}
