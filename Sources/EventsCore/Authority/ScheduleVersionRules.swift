import Sync

/// A published version is a record: an event's organizers (or administrators) ask for it, once the event has an
/// audience (it is published or by invitation); nobody changes it afterwards, and only administrators withdraw
/// one. The programme it would record must fit its column, so the daemon can always record it.
struct ScheduleVersionRules {
    let rights: Rights
    let facts: Facts

    func refusal(of change: RowChange) throws -> String? {
        if change.isDeletion {
            return rights.isAdmin ? nil : "Only administrators withdraw a published version."
        }
        guard change.isCreation else { return "A published version is a record: it is not changed." }
        guard let event = change.after?.text(.eventID), let state = try facts.row(.events, event) else {
            return "A version belongs to an existing event."
        }
        guard rights.isAdmin || rights.organizes.contains(event) else {
            return "Only the event's organizers publish its programme."
        }
        guard state[.published] == .integer(1) || state[.invitationOnly] == .integer(1) else {
            return "Publish the event first: a version records the programme as its attendees see it."
        }
        let size = try ScheduleSnapshot.read(eventID: event, in: facts.db).canonicalJSON().unicodeScalars.count
        let limit = EventsSchema.scheduleContent.maxLength
        return size <= limit
            ? nil : "The programme is too large to record as a version (\(size) characters, at most \(limit))."
    }
}
