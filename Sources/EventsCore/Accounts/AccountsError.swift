public enum AccountsError: Error, Equatable, Sendable, CustomStringConvertible {
    case emailTaken(String)
    case invalidEmail(String)
    case emptyName
    case unknownAccount(String)

    public var description: String {
        switch self {
        case .emailTaken(let email): "An account with the email \(email) already exists."
        case .invalidEmail(let email): "'\(email)' is not an email address."
        case .emptyName: "An account needs a name."
        case .unknownAccount(let email): "No account with the email \(email)."
        }
    }
}
