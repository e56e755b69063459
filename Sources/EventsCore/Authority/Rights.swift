import GRDB

/// What one account may do, read from the daemon's current data: its administrator flag, its person (by
/// email), the events it organizes, the events it may see whole, the sessions it may see through a
/// session-scoped invitation only, and the sessions it co-chairs.
struct Rights {
    let accountID: String
    let isAdmin: Bool
    let personID: String?
    let organizes: Set<String>
    let sees: Set<String>
    /// Sessions seen through an invitation to that session alone, by session id, with their event.
    let invitedSessions: [String: String]
    let coChairs: Set<String>
    /// Sessions the person has any role in (co-chair, speaker, moderator, rapporteur).
    let roleSessions: Set<String>
    /// Sessions where the person's RSVP holds a confirmed seat.
    let seatedSessions: Set<String>
    /// Events the person is invited to as a whole.
    let invitedEvents: Set<String>

    /// Whether the account takes part in a session of `event`: it organizes the event, holds a role in the
    /// session, is invited to it or to its event, or holds a confirmed seat. Under the Chatham House Rule only
    /// participants learn who chairs and speaks.
    func takesPart(in session: String, of event: String) -> Bool {
        isAdmin || organizes.contains(event) || roleSessions.contains(session) || invitedSessions[session] != nil
            || invitedEvents.contains(event) || seatedSessions.contains(session)
    }

    /// Whether the account may read the event's own row: it sees the event, or a session of it.
    func seesEventRow(_ event: String) -> Bool {
        sees.contains(event) || invitedSessions.values.contains(event)
    }

    func seesSession(_ session: String, of event: String) -> Bool {
        sees.contains(event) || invitedSessions[session] == event
    }

    static func load(_ accountID: String, in db: Database) throws -> Rights {
        guard
            let account = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT email, is_admin FROM accounts WHERE id = ?"), arguments: [accountID])
        else {
            // No account (the public): published events only.
            let published = try String.fetchAll(db.cachedStatement(sql: "SELECT id FROM events WHERE published = 1"))
            return Rights(
                accountID: accountID, isAdmin: false, personID: nil, organizes: [], sees: Set(published),
                invitedSessions: [:], coChairs: [],
                roleSessions: [], seatedSessions: [], invitedEvents: [])
        }
        let email: String = account[EventsColumn.email]
        let personID = RowID.person(email: email)
        let arguments: StatementArguments = ["account": accountID, "person": personID]
        let organizes = Set(
            try String.fetchAll(
                db.cachedStatement(sql: "SELECT event_id FROM event_roles WHERE account_id = ? AND role = 'organizer'"),
                arguments: [accountID]))
        let sees = try String.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT event_id FROM event_roles WHERE account_id = :account
                    UNION SELECT id FROM events WHERE published = 1
                    UNION SELECT event_id FROM invitations WHERE person_id = :person AND session_id IS NULL
                    UNION SELECT s.event_id FROM session_roles r JOIN sessions s ON s.id = r.session_id WHERE r.person_id = :person
                    """),
            arguments: arguments)
        let invited = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT i.session_id, s.event_id FROM invitations i JOIN sessions s ON s.id = i.session_id AND s.event_id = i.event_id
                    WHERE i.person_id = :person
                    """),
            arguments: arguments)
        let roles = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT session_id, role FROM session_roles WHERE person_id = :person"),
            arguments: arguments)
        let coChairs = roles.filter { $0[EventsColumn.role] == SessionRoleKind.coChair.rawValue }.map {
            $0[EventsColumn.sessionID] as String
        }
        let seated = try String.fetchAll(
            db.cachedStatement(
                sql: "SELECT session_id FROM rsvps WHERE person_id = :person AND decision = 'confirmed'"),
            arguments: arguments)
        let invitedEvents = try String.fetchAll(
            db.cachedStatement(
                sql: "SELECT event_id FROM invitations WHERE person_id = :person AND session_id IS NULL"),
            arguments: arguments)
        return Rights(
            accountID: accountID, isAdmin: account["is_admin"], personID: personID, organizes: organizes,
            sees: Set(sees),
            invitedSessions: Dictionary(
                invited.map { ($0[EventsColumn.sessionID], $0[EventsColumn.eventID]) },
                uniquingKeysWith: { first, _ in first }),
            coChairs: Set(coChairs), roleSessions: Set(roles.map { $0[EventsColumn.sessionID] as String }),
            seatedSessions: Set(seated), invitedEvents: Set(invitedEvents))
    }
}
