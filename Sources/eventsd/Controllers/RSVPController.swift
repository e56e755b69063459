import EventsCore
import Foundation
import Hummingbird

/// `POST /v1/sessions/:id/rsvp`: the signed-in person answers for a session, as `eventsctl rsvp` does after a
/// sync; the answer is judged and the seat decided in one durable transaction before the response is sent.
struct RSVPController {
    let store: EventsStore
    let maxBodySize: Int
    let database: DatabaseThreads

    struct Answer: Decodable {
        var response: String
        var substitute: String?
    }

    func addRoutes(to group: RouterGroup<DaemonRequestContext>) {
        group.post("sessions/:id/rsvp") { request, context in
            let account = try context.requireAccount()
            let session = try context.parameters.require("id")
            let answer = try await request.decodeJSON(Answer.self, maxBodySize: maxBodySize)
            let rsvp = try await database.write {
                let id = try store.acting(as: account.id).respond(
                    sessionID: session, person: account.email, response: answer.response, substitute: answer.substitute)
                return try store.rsvp(id: id)
            }
            return try Response.json(rsvp)
        }
    }
}
