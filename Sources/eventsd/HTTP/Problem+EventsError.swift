import EventsCore

extension Problem {
    /// A domain refusal as the API says it: a status and type per kind of refusal, and the API's field names
    /// where the domain's words would name none.
    init(eventsError error: EventsError) {
        switch error {
        case .eventNotFound, .sessionNotFound, .notFound:
            self.init(.notFound, type: "not-found", detail: error.description)
        case .duplicate:
            self.init(.conflict, type: "duplicate", detail: error.description)
        case .inUse:
            self.init(.conflict, type: "in-use", detail: error.description)
        case .roomBusy, .personBusy:
            self.init(.conflict, type: "schedule-conflict", detail: error.description)
        case .unreadableRow:
            self.init(.internalServerError, type: "unreadable-row", detail: error.description)
        case .substituteMissing:
            self.init(
                .unprocessableContent, type: "invalid",
                detail: "Delegating needs substituteID, the substitute's person id.")
        case .substituteWithoutDelegation:
            self.init(
                .unprocessableContent, type: "invalid",
                detail: "substituteID is only given when the response is delegated.")
        case .personMissing:
            self.init(.unprocessableContent, type: "invalid", detail: "Name the person (personID).")
        default:
            self.init(.unprocessableContent, type: "invalid", detail: error.description)
        }
    }
}
