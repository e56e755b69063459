import Sync

/// A signature is its person's own: they sign what they may read and withdraw it. Someone who takes part in the
/// declaration's event signs it outright (a named signatory); anyone else signs a published declaration as a
/// member of the public, pending. Where a signature stands (`status`) is then the organizers' decision: the
/// event's, or administrators' for a declaration without an event; they approve, reject or remove a signature,
/// never forge one. A public signatory's contact is the daemon's form's alone.
struct SignatureRules {
    let rights: Rights
    let facts: Facts

    static let decisionColumns: Set<EventsColumn> = [.status, .signatoryList]

    func refusal(of change: RowChange, state: RowState) throws -> String? {
        let declaration = state.text(.declarationID)
        let event = try declaration.flatMap { try facts.value(.declarations, $0, .eventID)?.text }
        let decides = event.map(rights.organizes.contains) == true
        let mine = state.text(.personID) == rights.personID
        if change.isDeletion { return mine || decides ? nil : "You can only withdraw your own signature." }
        if change.touches(any: [.contactEmail]) { return "Only the daemon's public form records a contact." }
        if decides, !mine, !change.isCreation, change.touchesOnly(Self.decisionColumns) { return nil }
        guard mine else { return "You can only sign for yourself." }
        let takesPart = event.map { rights.sees.contains($0) || rights.organizes.contains($0) } == true
        guard let declaration, try takesPart || facts.value(.declarations, declaration, .published) == .integer(1)
        else { return "You have no access to this declaration." }
        if change.isCreation {
            return takesPart || isPublicPending(state) ? nil : Self.publicSignatureRefusal
        }
        if change.touches(any: Self.decisionColumns), !decides {
            return "Only the declaration's organizers approve or reject a signature."
        }
        let decided = change.before?.text(.status).map { $0 != SignatureStatus.pending.rawValue } == true
        return decided && state.text(.signatoryList) == SignatoryList.public.rawValue
            ? "A public signature the organizers decided on stays as they read it; withdraw it and sign again." : nil
    }

    static let publicSignatureRefusal =
        "You take no part in this declaration's event: sign it as a member of the public, pending approval."

    private func isPublicPending(_ state: RowState) -> Bool {
        state.text(.status) == SignatureStatus.pending.rawValue
            && state.text(.signatoryList) == SignatoryList.public.rawValue
    }
}
