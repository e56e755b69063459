import Foundation
import GRDB
import Sync

extension EventsStore {
    /// Records a person's answer for a session. The daemon decides later whether a seat is confirmed.
    @discardableResult
    public func respond(sessionID: String, person reference: String, response: String, substitute: String? = nil) throws
        -> String
    {
        let response = try RSVPResponse.parse(response, field: "response")
        return try write { write in
            let session = try Self.session(id: sessionID, in: write.db)
            try requireVisible(
                EventsTable.sessions.name, id: session.id, in: write.db, otherwise: .sessionNotFound(sessionID))
            guard !session.isCancelled || response == .declined else {
                throw EventsError.sessionCancelled(title: session.title)
            }
            let person = try person(reference, answering: session, in: write)
            var substituteID: SyncValue = .null
            switch (response, substitute) {
            case (.delegated, nil):
                throw EventsError.substituteMissing
            case (.delegated, let substitute?):
                let other = try Self.person(substitute, in: write.db)
                guard other.id != person.id else { throw EventsError.substituteIsSelf }
                substituteID = .text(other.id)
            case (_, .some):
                throw EventsError.substituteWithoutDelegation
            default:
                break
            }
            let id = RowID.rsvp(session: session.id, person: person.id)
            try upsert(
                &write, table: .rsvps, id: id,
                values: [
                    .sessionID: .text(session.id), .personID: .text(person.id),
                    .response: .text(response.rawValue),
                    .substituteID: substituteID, .respondedAt: .text(Instant.format(Date())),
                ])
            return id
        }
    }

    /// The person an answer is for; one that does not exist is "not found" only to whoever could answer for them,
    /// so an attendee cannot learn by the status which emails are registered.
    private func person(_ reference: String, answering session: Session, in write: LocalWrite) throws -> Person {
        do {
            return try Self.person(reference, in: write.db)
        } catch let error as EventsError {
            let proposed: [EventsColumn: SyncValue] = [.sessionID: .text(session.id), .personID: .text(reference)]
            try write.authorize(
                .rsvps, id: RowID.rsvp(session: session.id, person: reference), columns: [.response],
                proposed: proposed)
            throw error
        }
    }

    public func rsvp(id: String) throws -> RSVP {
        try replica.read { db in
            guard
                let rsvp = try RSVP.fetchOne(
                    db.cachedStatement(sql: "SELECT * FROM rsvps WHERE id = ?"), arguments: [id])
            else {
                throw EventsError.notFound(kind: "RSVP", key: id)
            }
            return rsvp
        }
    }

    /// Withdraws an RSVP: its seat, if it had one, goes to the next person waiting.
    public func deleteRSVP(id: String) throws { try delete(.rsvps, id: id) }
}
