import EventsCore
import Hummingbird
import NIOCore

/// The per-request state: Hummingbird's core storage, the account the bearer token identified, and the peer's
/// address (what a public form's budget counts by).
struct DaemonRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    var account: Account?
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        account = nil
        remoteAddress = source.channel.remoteAddress
    }

    func requireAccount() throws -> Account {
        guard let account else { throw Problem.unauthorized("This route needs a bearer token.") }
        return account
    }
}
