import EventsCore
import Foundation
import Hummingbird

/// A session's list of speakers: read by whoever may see the session; a delegation inscribes a speaker (the caller
/// by default) and withdraws one, judged like every write, the arrival numbered in the same durable transaction.
struct StatementsController {
    let store: EventsStore
    let maxBodySize: Int
    let database: DatabaseThreads

    struct Inscription: Decodable {
        /// A person's id or email; the caller when absent.
        var person: String?
        var rank: String
        /// An organization's name or id; the person's own when absent.
        var onBehalfOf: String?
    }

    func addRoutes(to group: RouterGroup<DaemonRequestContext>) {
        group.get("sessions/:id/statements") { _, context in
            let account = try context.requireAccount()
            let session = try context.parameters.require("id")
            return try Response.json(
                try await database.read { [store] in
                    try store.acting(as: account.id).speakersList(sessionID: session)
                })
        }
        group.post("sessions/:id/statements") { request, context in
            let account = try context.requireAccount()
            let session = try context.parameters.require("id")
            let inscription = try await request.decodeJSON(Inscription.self, maxBodySize: maxBodySize)
            let list = try await database.write { [store] in
                let acting = store.acting(as: account.id)
                try acting.inscribe(
                    sessionID: session, person: inscription.person ?? account.email, rank: inscription.rank,
                    onBehalfOf: inscription.onBehalfOf)
                return try acting.speakersList(sessionID: session)
            }
            return try Response.json(list, status: .created)
        }
        group.delete("sessions/:id/statements/:person") { _, context in
            let account = try context.requireAccount()
            let session = try context.parameters.require("id")
            let person = try context.parameters.require("person")
            try await database.write { [store] in
                try store.acting(as: account.id).withdrawStatement(sessionID: session, person: person)
            }
            return Response(status: .noContent)
        }
    }
}
