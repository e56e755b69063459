import EventsCore
import Foundation
import Hummingbird

/// `GET /v1/me/agenda`: the signed-in person's page in one read — every event the account sees (invitation-only
/// ones it is invited to included), the sessions it sees with its own answers, seat decisions and waitlist
/// positions, and the join links it may follow.
struct MyAgendaController {
    let store: EventsStore
    let database: DatabaseThreads

    struct MyAgenda: Encodable {
        var events: [Agenda]
    }

    func addRoutes(to group: RouterGroup<DaemonRequestContext>) {
        group.get("me/agenda") { _, context in
            let account = try context.requireAccount()
            let events = try await database.read { [store] in try store.personalAgenda(of: account, at: Date()) }
            return try Response.json(MyAgenda(events: events))
        }
    }
}
