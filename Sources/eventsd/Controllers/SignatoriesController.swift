import EventsCore
import Hummingbird
import Sync

/// A declaration's signatories, readable by everyone once it is published (with a token, as that account may
/// read them), and its public form: anyone signs without an account, within a per-address budget and a small
/// body, and the signature waits for an organizer's approval.
struct SignatoriesController {
    let store: EventsStore
    let maxFormSize: Int
    let budget: WriteBudget
    let database: DatabaseThreads

    /// What the form answers: the signature's id and where it stands.
    struct Receipt: ResponseEncodable {
        var id: String
        var status: SignatureStatus
    }

    func addRoutes(to group: RouterGroup<DaemonRequestContext>) {
        group.get("declarations/:id/signatories") { _, context in
            let declaration = try context.parameters.require("id")
            let reader = context.account?.id ?? EventsStore.anonymousReader
            return try Response.json(
                try await database.read { [store] in
                    try store.acting(as: reader).signatories(declaration: declaration)
                })
        }
        group.post("declarations/:id/public-signatures") { request, context in
            let declaration = try context.parameters.require("id")
            let address = context.remoteAddress?.ipAddress ?? "unknown"
            if let seconds = budget.take(for: address) { throw SyncError.rateLimited(retryAfterSeconds: seconds) }
            let form = try await request.decodeJSON(PublicSignatureForm.self, maxBodySize: maxFormSize)
            let reader = context.account?.id ?? EventsStore.anonymousReader
            let signature = try await database.write { [store] in
                try store.submitPublicSignature(declaration: declaration, form, seenBy: reader)
            }
            return try Response.json(Receipt(id: signature.id, status: signature.status), status: .accepted)
        }
    }
}
