import Sync

/// The replicated tables of the events domain. Times are ISO 8601 instants in UTC (`starts_at`), dates are
/// `YYYY-MM-DD` in the event's own time zone (`starts_on`). Rows that several organizers may create offline
/// for the same thing (an invitation, a role, an RSVP, a signature) have ids derived from what they link, so
/// they merge into one row.
public enum EventsSchema {
    /// 2: sessions hold their room's id (`room_id`), so seats follow the room through renames.
    /// 3: a waitlisted RSVP holds its place in the queue (`waitlist_position`), not only in the reason's words.
    /// 4: published schedule versions (`schedule_versions`), numbered by the daemon.
    /// 5: a session's working papers and documents (`documents`), lists of speakers (`statements`, with the
    /// session's `statement_minutes`), sessions under the Chatham House Rule (`chatham_house`).
    /// 6: organizations observing an event (`observers`).
    /// 7: an event's host (`host_id`) and the next host it announced (`next_host_id`); a person's affiliation; declarations `published` and open to public
    /// signature (`public_signing`); a signature's `status` (pending public signatures), list (`signatory_list`),
    /// whether it `reserves` and a public signatory's `contact_email`; a series' bodies (`bodies`) and their
    /// members with terms (`body_members`).
    public static let version = 7

    static let title = ValueDomain.text(max: 300)
    static let name = ValueDomain.text(max: 300)
    static let longText = ValueDomain.text(max: 20_000)
    /// An event's slug or kind.
    static let label = ValueDomain.text(max: 64)
    static let declarationText = ValueDomain.text(max: 500_000)
    /// A series' name, such as GFMD: its events and bodies share it.
    static let seriesName = ValueDomain.text(max: 200)
    static let seats = ValueDomain.integer(1...1_000_000)

    public static let events = ReplicatedTable(
        .events,
        columns: [
            .init(.slug, label), .init(.title, title), .init(.kind, label),
            .init(.series, seriesName),
            .init(.timezone, .timeZone), .init(.venue, name), .init(.city, name), .init(.startsOn, .date),
            .init(.endsOn, .date), .init(.invitationOnly, .boolean), .init(.published, .boolean),
            .init(.hostID, .identifier, since: 7), .init(.nextHostID, .identifier, since: 7),
        ],
        indexed: [.slug], deletionScope: [.published])

    public static let segments = ReplicatedTable(
        .segments,
        columns: [
            .init(.eventID, .identifier), .init(.name, name), .init(.startsOn, .date), .init(.endsOn, .date),
        ],
        indexed: [.eventID], deletionScope: [.eventID])

    public static let rooms = ReplicatedTable(
        .rooms,
        columns: [.init(.eventID, .identifier), .init(.name, name), .init(.capacity, seats)],
        indexed: [.eventID], deletionScope: [.eventID])

    public static let sessions = ReplicatedTable(
        .sessions,
        columns: [
            .init(.eventID, .identifier), .init(.title, title),
            .init(.format, .word(SessionFormat.allCases.map(\.rawValue))), .init(.startsAt, .instant),
            .init(.endsAt, .instant), .init(.room, name),
            .init(.status, .word(SessionStatus.allCases.map(\.rawValue))), .init(.segmentID, .identifier),
            .init(.joinURL, .url), .init(.recordingURL, .url), .init(.capacity, seats),
            .init(.invitationOnly, .boolean), .init(.description, longText),
            .init(.sequence, .integer(0...Int64(Int32.max))),
            .init(.roomID, .identifier, since: 2),
            .init(.chathamHouse, .boolean, since: 5), .init(.statementMinutes, .integer(1...240), since: 5),
        ],
        indexed: [.eventID], deletionScope: [.eventID, .chathamHouse])

    public static let organizations = ReplicatedTable(
        .organizations,
        columns: [
            .init(.name, name), .init(.kind, .word(OrganizationKind.allCases.map(\.rawValue))),
            .init(.country, name), .init(.developmentStatus, .word(DevelopmentStatus.allCases.map(\.rawValue))),
        ])

    public static let people = ReplicatedTable(
        .people,
        columns: [
            .init(.name, name), .init(.email, .email), .init(.organizationID, .identifier), .init(.country, name),
            .init(.affiliation, affiliation, since: 7),
        ],
        indexed: [.email])

    public static let sessionRoles = ReplicatedTable(
        .sessionRoles,
        columns: [
            .init(.sessionID, .identifier), .init(.personID, .identifier),
            .init(.role, .word(SessionRoleKind.allCases.map(\.rawValue))),
            .init(.position, .integer(-1_000_000...1_000_000)),
        ],
        indexed: [.sessionID, .personID], deletionScope: [.sessionID, .personID])

    public static let invitations = ReplicatedTable(
        .invitations,
        columns: [
            .init(.eventID, .identifier), .init(.sessionID, .identifier), .init(.personID, .identifier),
            .init(.invitedBy, name),
        ],
        indexed: [.eventID, .personID], deletionScope: [.eventID, .sessionID, .personID])

    public static let rsvps = ReplicatedTable(
        .rsvps,
        columns: [
            .init(.sessionID, .identifier), .init(.personID, .identifier),
            .init(.response, .word(RSVPResponse.allCases.map(\.rawValue))), .init(.substituteID, .identifier),
            .init(.decision, .word(SeatDecision.allCases.map(\.rawValue))), .init(.decisionReason, .text(max: 500)),
            .init(.respondedAt, .instant),
            .init(.waitlistPosition, .integer(1...1_000_000), since: 3),
        ],
        // The seats and places a session has given are counted from the index alone (the seat decision).
        indexed: [.sessionID, .personID], indexedTogether: [[.sessionID, .response, .decision]],
        deletionScope: [.sessionID, .personID])

    public static let declarations = ReplicatedTable(
        .declarations,
        columns: [
            .init(.eventID, .identifier), .init(.title, title), .init(.text, declarationText),
            .init(.published, .boolean, since: 7), .init(.publicSigning, .boolean, since: 7),
        ],
        indexed: [.eventID], deletionScope: [.eventID, .published])

    public static let signatures = ReplicatedTable(
        .signatures,
        columns: [
            .init(.declarationID, .identifier), .init(.personID, .identifier), .init(.reservation, longText),
            .init(.signedAt, .instant),
            .init(.status, .word(SignatureStatus.allCases.map(\.rawValue)), since: 7),
            .init(.signatoryList, .word(SignatoryList.allCases.map(\.rawValue)), since: 7),
            .init(.reserves, .boolean, since: 7), .init(.contactEmail, .email, since: 7),
        ],
        indexed: [.declarationID], deletionScope: [.declarationID, .personID])

    /// An organizer asks for a publication (event, note, when); the daemon numbers it and records what it
    /// published: the programme as attendees saw it (`content`, canonical JSON) with its SHA-256 (`hash`).
    public static let scheduleVersions = ReplicatedTable(
        .scheduleVersions,
        columns: [
            .init(.eventID, .identifier), .init(.note, versionNote), .init(.requestedAt, .instant),
            .init(.number, .integer(1...Int64(Int32.max))), .init(.publishedAt, .instant), .init(.publishedBy, name),
            .init(.hash, .text(max: 64)), .init(.content, scheduleContent),
        ],
        indexed: [.eventID], deletionScope: [.eventID], since: 4, closesPushBatch: true)

    /// A working paper or other document of a session, by link, with its language (a BCP 47 tag such as `fr`).
    public static let documents = ReplicatedTable(
        .documents,
        columns: [
            .init(.sessionID, .identifier), .init(.title, title), .init(.url, .url), .init(.language, languageTag),
        ],
        indexed: [.sessionID], deletionScope: [.sessionID], since: 5)

    static let languageTag = ValueDomain.text(max: 35)

    /// An organization taking part in an event as an observer (an international organization at a State-led
    /// forum), shown as such in the agenda.
    public static let observers = ReplicatedTable(
        .observers, columns: [.init(.eventID, .identifier), .init(.organizationID, .identifier)],
        indexed: [.eventID], deletionScope: [.eventID], since: 6)

    /// A delegation's inscription on a session's list of speakers; the daemon numbers its arrival, which orders
    /// the list within a protocol rank.
    public static let statements = ReplicatedTable(
        .statements,
        columns: [
            .init(.sessionID, .identifier), .init(.personID, .identifier),
            .init(.rank, .word(ProtocolRank.allCases.map(\.rawValue))), .init(.onBehalfOf, .identifier),
            .init(.inscribedAt, .instant), .init(.arrival, .integer(1...Int64(Int32.max))),
        ],
        indexed: [.sessionID], deletionScope: [.sessionID, .personID], since: 5)
    /// A body of a series (the GFMD's Steering Group, its Friends of the Forum), named once in its series.
    public static let bodies = ReplicatedTable(
        .bodies,
        columns: [
            .init(.series, seriesName), .init(.name, name),
            .init(.kind, .word(BodyKind.allCases.map(\.rawValue))),
        ],
        since: 7)

    /// An organization's term on a body, from and to a date when known.
    public static let bodyMembers = ReplicatedTable(
        .bodyMembers,
        columns: [
            .init(.bodyID, .identifier), .init(.organizationID, .identifier), .init(.startsOn, .date),
            .init(.endsOn, .date),
        ],
        indexed: [.bodyID], deletionScope: [.bodyID], since: 7)

    static let affiliation = ValueDomain.text(max: 500)
    static let versionNote = ValueDomain.text(max: 500)
    static let scheduleContent = ValueDomain.text(max: 4_000_000)

    public static let replicated = ReplicatedSchema(
        version: version,
        tables: [
            events, segments, rooms, sessions, organizations, people, sessionRoles, invitations, rsvps, declarations,
            signatures, scheduleVersions, documents, statements, observers, bodies, bodyMembers,
        ])
}
