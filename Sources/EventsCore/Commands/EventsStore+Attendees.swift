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
                throw EventsError.invalid("'\(session.title)' is cancelled.")
            }
            let person = try person(reference, answering: session, in: write)
            var substituteID: SyncValue = .null
            switch (response, substitute) {
            case (.delegated, nil):
                throw EventsError.invalid("Delegating needs --to PERSON, the substitute.")
            case (.delegated, let substitute?):
                let other = try Self.person(substitute, in: write.db)
                guard other.id != person.id else { throw EventsError.substituteIsSelf }
                substituteID = .text(other.id)
            case (_, .some):
                throw EventsError.invalid("A substitute is only named when delegating.")
            default:
                break
            }
            let id = RowID.rsvp(session: session.id, person: person.id)
            try upsert(
                &write, table: EventsTable.rsvps.name, id: id,
                values: [
                    "session_id": .text(session.id), "person_id": .text(person.id),
                    "response": .text(response.rawValue),
                    "substitute_id": substituteID, "responded_at": .text(Instant.format(Date())),
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
            let proposed: [String: SyncValue] = ["session_id": .text(session.id), "person_id": .text(reference)]
            try write.authorize(
                EventsTable.rsvps.name, id: RowID.rsvp(session: session.id, person: reference), columns: ["response"],
                proposed: proposed)
            throw error
        }
    }

    /// Adds a declaration to sign, such as a Call to Action.
    @discardableResult
    public func addDeclaration(eventSlug: String, title: String, text: String? = nil, key: String? = nil) throws
        -> String
    {
        let title = try Self.required(title, "declaration title")
        return try write { write in
            let event = try visibleEvent(eventSlug, in: write.db)
            let id = RowID.declaration(event: event.id, key: key ?? title)
            try upsert(
                &write, table: EventsTable.declarations.name, id: id,
                values: ["event_id": .text(event.id), "title": .text(title), "text": text.map(SyncValue.text) ?? .null])
            return id
        }
    }

    public func declarations(eventSlug: String) throws -> [Declaration] {
        try replica.read { db in
            let event = try visibleEvent(eventSlug, in: db)
            return try Declaration.fetchAll(
                db, sql: "SELECT * FROM declarations WHERE event_id = ? ORDER BY title", arguments: [event.id])
        }
    }

    /// Signs a declaration (by id or exact title), optionally with a reservation; signing again updates it.
    @discardableResult
    public func sign(declaration reference: String, person: String, reservation: String? = nil) throws -> String {
        try write { write in
            guard
                let declaration = try Declaration.fetchOne(
                    write.db,
                    sql: "SELECT * FROM declarations WHERE id = ? OR title = ? COLLATE NOCASE ORDER BY id LIMIT 1",
                    arguments: [reference, reference])
            else { throw EventsError.notFound(kind: "declaration", key: reference) }
            try requireVisible(
                EventsTable.declarations.name, id: declaration.id, in: write.db,
                otherwise: .notFound(kind: "declaration", key: reference))
            let signer = try Self.person(person, in: write.db)
            let reservation = reservation?.trimmingCharacters(in: .whitespacesAndNewlines)
            let id = RowID.signature(declaration: declaration.id, person: signer.id)
            try upsert(
                &write, table: EventsTable.signatures.name, id: id,
                values: [
                    "declaration_id": .text(declaration.id), "person_id": .text(signer.id),
                    "reservation": reservation.flatMap { $0.isEmpty ? nil : SyncValue.text($0) } ?? .null,
                    "signed_at": .text(Instant.format(Date())),
                ])
            return id
        }
    }

    public func signatures(declarationID: String) throws -> [Signature] {
        try replica.read { db in
            try Signature.fetchAll(
                db, sql: "SELECT * FROM signatures WHERE declaration_id = ? ORDER BY signed_at, id",
                arguments: [declarationID])
        }
    }

    /// The event's agenda: sessions in time order with their segment, people in roles and, for `person`, the
    /// RSVP and the daemon's decision.
    public func agenda(eventSlug: String, person reference: String? = nil) throws -> Agenda {
        try replica.read { db in
            let event = try visibleEvent(eventSlug, in: db)
            let me = try reference.flatMap { try? Self.person($0, in: db) }
            let sessions = try Session.fetchAll(
                db, sql: "SELECT * FROM sessions WHERE event_id = ? ORDER BY starts_at, title, id",
                arguments: [event.id])
            let segments = Dictionary(
                try Segment.fetchAll(db, sql: "SELECT * FROM segments WHERE event_id = ?", arguments: [event.id]).map {
                    ($0.id, $0.name)
                },
                uniquingKeysWith: { first, _ in first })
            let items = try sessions.map { session in
                Agenda.Item(
                    session: session, segment: session.segmentID.flatMap { segments[$0] },
                    people: try Self.agendaPeople(sessionID: session.id, in: db),
                    rsvp: try me.flatMap {
                        try RSVP.fetchOne(
                            db, sql: "SELECT * FROM rsvps WHERE id = ?",
                            arguments: [RowID.rsvp(session: session.id, person: $0.id)])
                    }, joinRequiresSeat: try JoinLink.needsSeat(session: session.id, in: db))
            }
            return Agenda(event: event, items: items)
        }
    }

    private static func agendaPeople(sessionID: String, in db: Database) throws -> [Agenda.RolePerson] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT r.role, r.position, p.id AS person_id, p.name, p.email, o.name AS organization, o.country FROM session_roles r
                JOIN people p ON p.id = r.person_id LEFT JOIN organizations o ON o.id = p.organization_id
                WHERE r.session_id = ? ORDER BY CASE r.role WHEN 'co-chair' THEN 0 WHEN 'moderator' THEN 1 WHEN 'speaker' THEN 2 ELSE 3 END,
                r.position, p.name
                """,
            arguments: [sessionID]
        ).map { row in
            Agenda.RolePerson(
                personID: row["person_id"], role: row["role"], name: row["name"], email: row["email"],
                organization: row["organization"], country: row["country"])
        }
    }
}

extension EventsStore {
    public func rsvp(id: String) throws -> RSVP {
        try replica.read { db in
            guard let rsvp = try RSVP.fetchOne(db, sql: "SELECT * FROM rsvps WHERE id = ?", arguments: [id]) else {
                throw EventsError.notFound(kind: "RSVP", key: id)
            }
            return rsvp
        }
    }
}
