import Foundation
import GRDB
import Sync

extension EventsStore {
    /// Inscribes a person on a session's list of speakers at a protocol rank, on behalf of an organization (by
    /// name or id; default the person's own); inscribing again at the same rank changes the organization and
    /// keeps the place, at another rank it starts anew. Returns the inscription's id.
    @discardableResult
    public func inscribe(sessionID: String, person reference: String, rank: String, onBehalfOf organization: String?)
        throws -> String
    {
        let rank = try ProtocolRank.parse(rank, field: "rank")
        return try write { write in
            let session = try Self.session(id: sessionID, in: write.db)
            try requireVisible(
                EventsTable.sessions.name, id: session.id, in: write.db, otherwise: .sessionNotFound(sessionID))
            let person = try Self.speaker(reference, in: write.db)
            let behalf = try organization.map { try Self.organizationID($0, in: write.db) } ?? person.organizationID
            let id = RowID.statement(session: session.id, person: person.id)
            let inscribedAt = Instant.format(Date(timeIntervalSince1970: Double(write.now) / 1000))
            let current = try Statement.fetchOne(
                write.db, sql: "SELECT * FROM statements WHERE id = ?", arguments: [id])
            if let current, current.rank == rank {
                try write.update(.statements, id: id, values: [.onBehalfOf: behalf.map(SyncValue.text) ?? .null])
            } else {
                // Another rank is a new inscription: it goes to the end of its rank when it reaches the daemon.
                if current != nil { try write.delete(from: .statements, id: id) }
                try write.insert(
                    into: .statements, id: id,
                    values: [
                        .sessionID: .text(session.id), .personID: .text(person.id), .rank: .text(rank.rawValue),
                        .onBehalfOf: behalf.map(SyncValue.text) ?? .null, .inscribedAt: .text(inscribedAt),
                    ])
            }
            return id
        }
    }

    /// Takes a person off a session's list of speakers. An inscription the account may not read is not found,
    /// whether it exists or not.
    public func withdrawStatement(sessionID: String, person reference: String) throws {
        try write { write in
            let id = RowID.statement(session: sessionID, person: try Self.speaker(reference, in: write.db).id)
            let missing = EventsError.notFound(kind: "inscription", key: reference)
            try requireVisible(EventsTable.statements.name, id: id, in: write.db, otherwise: missing)
            guard try write.exists(in: .statements, id: id) else { throw missing }
            try write.delete(from: .statements, id: id)
        }
    }

    /// The session's list of speakers, in order, with estimated starts.
    public func speakersList(sessionID: String) throws -> SpeakersList {
        try replica.read { db in
            let session = try Self.session(id: sessionID, in: db)
            // One reading of the account's rights for the session and its inscriptions (none on a laptop: all it
            // holds); under the Chatham House Rule, others' inscriptions only for participants.
            var access = try actor.map { try ReadAccess(principal: $0.principal, in: db) }
            guard try access?.sees(table: EventsTable.sessions.name, row: session.id, column: nil) != false else {
                throw EventsError.sessionNotFound(sessionID)
            }
            let event = try Self.event(id: session.eventID, in: db)
            let minutes = session.statementMinutes ?? SpeakersList.defaultStatementMinutes
            let statements = SpeakersList.ordered(
                try Statement.fetchAll(
                    db, sql: "SELECT * FROM statements WHERE session_id = ?", arguments: [session.id]
                ).filter { try access?.sees(table: EventsTable.statements.name, row: $0.id, column: nil) != false })
            let entries = try statements.enumerated().map { index, statement in
                SpeakersList.Entry(
                    position: index + 1, personID: statement.personID,
                    name: try Self.speakerName(statement.personID, in: db), rank: statement.rank,
                    onBehalfOf: try Self.organizationName(
                        statement.onBehalfOf ?? (try? Self.speaker(statement.personID, in: db))?.organizationID, in: db),
                    estimatedStart: session.startsAt.addingTimeInterval(Double(index * minutes * 60)),
                    provisional: statement.arrival == nil)
            }
            return SpeakersList(
                sessionID: session.id, timeZone: event.timezone, statementMinutes: minutes, entries: entries)
        }
    }

    /// A speaker by id or email, with their organization when this replica holds them: a delegate's laptop may
    /// not hold a colleague's row, and inscribes them by email all the same (the daemon judges).
    private static func speaker(_ reference: String, in db: Database) throws -> (id: String, organizationID: String?) {
        if let person = try? person(reference, in: db) { return (person.id, person.organizationID) }
        guard reference.looksLikeEmail else { throw EventsError.notFound(kind: "person", key: reference) }
        return (RowID.person(email: reference), nil)
    }

    /// The speaker's name, or a placeholder for someone inscribed by email whose row this laptop does not hold yet.
    private static func speakerName(_ id: String, in db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT name FROM people WHERE id = ?", arguments: [id])
            ?? "(inscribed by email; name after the next sync)"
    }

    private static func organizationName(_ id: String?, in db: Database) throws -> String? {
        try id.flatMap { try String.fetchOne(db, sql: "SELECT name FROM organizations WHERE id = ?", arguments: [$0]) }
    }
}
