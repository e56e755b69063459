/// A rule that relates several values of a request, or a value and what is stored, which the document's
/// schemas cannot state. A request the schemas admit is refused only for one of these; the problem names it
/// (`rule`), so a client, and the API fuzzing in the tests, tell such a refusal from a gap in the document.
enum BeyondSchemaRule: String, CaseIterable, Encodable {
    case eventEndsAfterStart = "event-ends-after-start"
    case sessionEndsAfterStart = "session-ends-after-start"
    case sessionWithinEventDates = "session-within-event-dates"
    /// A local time names one instant in the event's zone: not one the clock skips or shows twice.
    case localTimeExistsOnce = "local-time-exists-once"
    case cancelledSessionDeclinesOnly = "cancelled-session-declines-only"
    case substituteWhenDelegating = "substitute-when-delegating"
    case substituteIsAnotherPerson = "substitute-is-another-person"
    case developmentStatusForGovernments = "development-status-for-governments"
    case sessionOfTheEvent = "session-of-the-event"
    /// A change names rows by id; the rows must exist.
    case referencedRowExists = "referenced-row-exists"
    case cursorWithinDaemon = "cursor-within-daemon"
    /// A change set's entries name replicas and columns by their index in the set's lists.
    case changeSetIndexes = "change-set-indexes"
    /// A programme is published as a version once its event has an audience (published, or by invitation).
    case versionOfAnEventWithAudience = "version-of-an-event-with-audience"
}
