import EventsCore

extension Problem {
    /// A domain refusal as the API says it: a status and type per kind of refusal, the API's field names where
    /// the domain's words would name none, and the rule beyond the schemas a well-formed request broke.
    init(eventsError error: EventsError) {
        switch error {
        case .eventNotFound, .sessionNotFound, .notFound:
            self.init(.notFound, type: "not-found", detail: error.description)
        case .duplicate:
            self.init(.conflict, type: "duplicate", detail: error.description)
        case .inUse:
            self.init(.conflict, type: "in-use", detail: error.description)
        case .notOpenForSignature:
            self.init(.forbidden, type: "not-open-for-signature", detail: error.description)
        case .signatureDecided:
            self.init(.conflict, type: "decided", detail: error.description)
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
        rule = BeyondSchemaRule(brokenBy: error)
    }

    /// A change naming a row that does not exist, to a row that does: the change is refused, not its target.
    init(missingReference error: EventsError) {
        self.init(.unprocessableContent, type: "unknown-reference", detail: error.description)
        rule = .referencedRowExists
    }
}

extension EventsError {
    var namesAMissingRow: Bool {
        switch self {
        case .eventNotFound, .sessionNotFound, .notFound: true
        default: false
        }
    }
}

extension BeyondSchemaRule {
    /// The rule a domain refusal enforces, if the document's schemas cannot state it.
    init?(brokenBy error: EventsError) {
        switch error {
        case .datesReversed: self = .eventEndsAfterStart
        case .endsBeforeStart: self = .sessionEndsAfterStart
        case .outsideEvent: self = .sessionWithinEventDates
        case .ambiguousLocalTime, .skippedLocalTime: self = .localTimeExistsOnce
        case .sessionCancelled: self = .cancelledSessionDeclinesOnly
        case .substituteMissing, .substituteWithoutDelegation: self = .substituteWhenDelegating
        case .substituteIsSelf: self = .substituteIsAnotherPerson
        case .eventWithoutAudience: self = .versionOfAnEventWithAudience
        case .notAGovernment: self = .developmentStatusForGovernments
        case .sessionOfAnotherEvent: self = .sessionOfTheEvent
        default: return nil
        }
    }
}
