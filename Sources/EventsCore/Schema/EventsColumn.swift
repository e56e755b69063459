import GRDB

/// The columns of the replicated tables by name: code names a column through this type, so a misspelt column
/// does not compile. Which table holds which column, with its value domain, is declared once in `EventsSchema`;
/// writing a column a table lacks is refused by the replica. It is a GRDB column expression too, so rows are
/// read as `row[EventsColumn.eventID]`.
public enum EventsColumn: String, CaseIterable, Sendable, ColumnExpression {
    /// The row's key, in every table.
    case id
    case slug, title, kind, series, timezone, venue, city, published
    case startsOn = "starts_on"
    case endsOn = "ends_on"
    case invitationOnly = "invitation_only"
    case eventID = "event_id"
    case name, capacity, format, room, status, description, sequence
    case startsAt = "starts_at"
    case endsAt = "ends_at"
    case roomID = "room_id"
    case segmentID = "segment_id"
    case joinURL = "join_url"
    case recordingURL = "recording_url"
    case country, email
    case developmentStatus = "development_status"
    case organizationID = "organization_id"
    case sessionID = "session_id"
    case personID = "person_id"
    case role, position
    case invitedBy = "invited_by"
    case response, decision
    case substituteID = "substitute_id"
    case decisionReason = "decision_reason"
    case respondedAt = "responded_at"
    case waitlistPosition = "waitlist_position"
    case text, reservation
    case declarationID = "declaration_id"
    case signedAt = "signed_at"
    case note, number, hash, content
    case url, language, rank, arrival
    case onBehalfOf = "on_behalf_of"
    case inscribedAt = "inscribed_at"
    case chathamHouse = "chatham_house"
    case statementMinutes = "statement_minutes"
    case requestedAt = "requested_at"
    case publishedAt = "published_at"
    case publishedBy = "published_by"
    case hostID = "host_id"
    case nextHostID = "next_host_id"
    case affiliation, reserves
    case publicSigning = "public_signing"
    case signatoryList = "signatory_list"
    case contactEmail = "contact_email"
    case bodyID = "body_id"

    /// The column's name in SQL and on the wire.
    public var name: String { rawValue }
}
