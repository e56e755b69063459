import Sync

/// A list of speakers: the event's organizers manage it; a person who may see the session inscribes themselves
/// or someone of their own organization (which organizers set), on behalf of that person's organization, and
/// withdraws those inscriptions; another rank is a new inscription, at the end of that rank. The order of
/// arrival is the daemon's alone.
struct StatementRules {
    let rights: Rights
    let facts: Facts

    func refusal(of change: RowChange, state: RowState) throws -> String? {
        let session = state.text(.sessionID)
        let event = try session.flatMap { try facts.value(.sessions, $0, .eventID)?.text }
        guard let session, let event else {
            // What is left of a session deleted meanwhile may go; nothing new is inscribed on it.
            return change.isDeletion ? nil : "An inscription belongs to an existing session."
        }
        if !change.isDeletion, let behalf = state.text(.onBehalfOf), try facts.row(.organizations, behalf) == nil {
            return "The inscription names an organization that does not exist."
        }
        if rights.organizes.contains(event) { return nil }
        guard rights.seesSession(session, of: event) else { return "You have no access to this session." }
        guard let inscribed = state.text(.personID), try colleague(inscribed) else {
            return "You may inscribe only yourself or someone of your own organization."
        }
        if change.isDeletion { return nil }
        if change.changes(.rank), state[.arrival] != .null {
            return "Another rank is a new inscription: withdraw it and inscribe again, at the end of that rank."
        }
        let organization = try facts.value(.people, inscribed, .organizationID)?.text
        guard state.text(.onBehalfOf) == nil || state.text(.onBehalfOf) == organization else {
            return "A delegation speaks on behalf of its own organization."
        }
        return nil
    }

    /// The inscribed person is the account's own, or of the same organization.
    private func colleague(_ person: String) throws -> Bool {
        guard let me = rights.personID else { return false }
        if person == me { return true }
        guard let mine = try facts.value(.people, me, .organizationID)?.text else { return false }
        return try facts.value(.people, person, .organizationID)?.text == mine
    }
}
