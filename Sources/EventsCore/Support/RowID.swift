/// The one recipe for every derived row id. Commands, the seed and the judge derive ids here, so the same
/// thing made twice, offline or by the seed, is one row; names are compared as people write them (case aside).
public enum RowID {
    public static func event(slug: String) -> String { StableID.make("event", slug) }
    public static func segment(event: String, name: String) -> String {
        StableID.make("segment", event, name.lowercased())
    }
    public static func room(event: String, name: String) -> String { StableID.make("room", event, name.lowercased()) }
    /// A seeded session, by the key its seed file gives it.
    public static func session(eventSlug: String, key: String) -> String { StableID.make("session", eventSlug, key) }
    public static func organization(name: String) -> String { StableID.make("organization", name.lowercased()) }
    public static func person(email: String) -> String { StableID.make("person", EmailAddress.canonical(email)) }

    public static func personWithoutEmail(name: String, organization: String?) -> String {
        StableID.make("person-without-email", name.lowercased(), organization ?? "")
    }

    public static func role(session: String, person: String, role: SessionRoleKind) -> String {
        StableID.make("role", session, person, role.rawValue)
    }

    /// An invitation to the whole event when `session` is nil.
    public static func invitation(event: String, session: String?, person: String) -> String {
        StableID.make("invitation", event, session ?? "", person)
    }

    public static func rsvp(session: String, person: String) -> String { StableID.make("rsvp", session, person) }
    /// A declaration of an event, or without one (`nil`, a convention open for signature), by its key.
    public static func declaration(event: String?, key: String) -> String {
        StableID.make("declaration", event ?? "", key.lowercased())
    }
    /// A session's document, by its link: the same paper added twice offline is one row.
    public static func document(session: String, url: String) -> String { StableID.make("document", session, url) }
    /// An organization observing an event: one row per organization and event.
    public static func observer(event: String, organization: String) -> String {
        StableID.make("observer", event, organization)
    }
    /// A person's inscription on a session's list of speakers: one per person and session.
    public static func statement(session: String, person: String) -> String {
        StableID.make("statement", session, person)
    }
    /// A body of a series, by its name (case aside).
    public static func body(series: String, name: String) -> String {
        StableID.make("body", series.lowercased(), name.lowercased())
    }
    /// An organization's term on a body, by the date it began (none when unknown).
    public static func bodyMember(body: String, organization: String, from: String?) -> String {
        StableID.make("body-member", body, organization, from ?? "")
    }
    /// A signatory known by name and affiliation only (a member of the public, a commission member of the
    /// record): the same person written twice, by the seed or two offline copies, is one row.
    public static func signatory(name: String, affiliation: String) -> String {
        StableID.make("signatory", name.lowercased(), affiliation.lowercased())
    }
    public static func signature(declaration: String, person: String) -> String {
        StableID.make("signature", declaration, person)
    }
}
