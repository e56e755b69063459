import Sync

/// An RSVP is its person's own answer: nobody else writes it (organizers may remove it), only someone who may
/// see the session answers, and a delegation hands an invited person's place (or held seat) to someone else,
/// once: a delegated answer is final.
struct RSVPRules {
    let rights: Rights
    let facts: Facts

    func refusal(of change: RowChange, state: RowState) throws -> String? {
        let session = state.text(.sessionID)
        let event = try session.flatMap { try facts.value(.sessions, $0, .eventID)?.text }
        let mine = state.text(.personID) == rights.personID
        if change.isDeletion, mine || event.map(rights.organizes.contains) == true { return nil }
        guard mine else { return "You can only answer for yourself." }
        guard let session, let event, rights.seesSession(session, of: event) || rights.organizes.contains(event) else {
            return "You have no access to this event."
        }
        if change.before?.text(.response) == RSVPResponse.delegated.rawValue, change.changes(.response) {
            return "This seat was delegated to a substitute; the answer cannot change."
        }
        guard state.text(.response) == RSVPResponse.delegated.rawValue else {
            return state.text(.substituteID) == nil ? nil : "A substitute is only named when delegating."
        }
        return try delegationRefusal(of: change, state: state, session: session, event: event)
    }

    private func delegationRefusal(of change: RowChange, state: RowState, session: String, event: String) throws
        -> String?
    {
        guard let person = state.text(.personID), let substitute = state.text(.substituteID) else {
            return "Delegating needs the substitute."
        }
        guard substitute != person else { return EventsError.substituteIsSelf.description }
        guard try facts.row(.people, substitute) != nil else {
            return "The substitute is not a known person."
        }
        let invited = try [
            RowID.invitation(event: event, session: nil, person: person),
            RowID.invitation(event: event, session: session, person: person),
        ]
        .contains { try facts.row(.invitations, $0) != nil }
        let seated = change.before?.text(.decision) == SeatDecision.confirmed.rawValue
        return invited || seated
            ? nil : "Only a person invited to the session, or holding a seat in it, may delegate it."
    }
}
