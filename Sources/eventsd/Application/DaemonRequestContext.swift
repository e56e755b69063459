import EventsCore
import Hummingbird

/// The per-request state: Hummingbird's core storage plus the account the bearer token identified.
struct DaemonRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var account: Account?

    init(source: Source) {
        coreContext = .init(source: source)
        account = nil
    }

    func requireAccount() throws -> Account {
        guard let account else { throw Problem.unauthorized("This route needs a bearer token.") }
        return account
    }
}
