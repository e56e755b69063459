/// The closed vocabularies of the domain, with the words people type.
public enum SessionFormat: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case plenary, roundtable, panel, workshop
    case sideEvent = "side-event"
    case webinar, `break`
}

public enum OrganizationKind: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case government, city
    case internationalOrganization = "international-organization"
    case development = "civil-society-development"
    case diaspora = "civil-society-diaspora"
    case tradeUnion = "civil-society-union"
    case employers = "civil-society-employers"
    case academia = "civil-society-academia"
    case company, union, university
}

public enum DevelopmentStatus: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case developed, developing
}

public enum SessionRoleKind: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case coChair = "co-chair"
    case speaker, moderator, rapporteur
}

public enum RSVPResponse: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case accepted, declined, tentative, delegated
}

/// The daemon's decision on an accepted RSVP.
public enum SeatDecision: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case confirmed, waitlisted, refused
}

/// Where a speaker stands on a plenary's list of speakers, in protocol order: heads of State or Government
/// first, observers after States, civil society and the private sector last.
public enum ProtocolRank: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case headOfState = "head-of-state"
    case vicePresident = "vice-president"
    case minister
    case viceMinister = "vice-minister"
    case headOfDelegation = "head-of-delegation"
    case observer
    case civilSociety = "civil-society"

    /// Its place in protocol order, 0 first.
    public var precedence: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }
}

public enum SessionStatus: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case scheduled, cancelled
}

/// Where a signature stands: an account's signature counts at once; one from the public form waits for an
/// organizer's decision.
public enum SignatureStatus: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case pending, approved, rejected
}

/// Which list a signatory appears in: named signatories (such as a commission) or members of the public.
public enum SignatoryList: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case named, `public`
}

/// What a body of a series does.
public enum BodyKind: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case steeringGroup = "steering-group"
    case friendsOfTheForum = "friends-of-the-forum"
    case advisoryCommittee = "advisory-committee"
    case other
}

extension CustomStringConvertible where Self: RawRepresentable, RawValue == String {
    /// The word itself, as people type it, so that an interpolated word reads "side-event", never "sideEvent".
    public var description: String { rawValue }
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// Reads a typed word, or says which words exist.
    static func parse(_ text: String, field: String) throws -> Self {
        guard let value = Self(rawValue: text.lowercased()) else {
            throw EventsError.unknownWord(field: field, given: text, allowed: allCases.map(\.rawValue))
        }
        return value
    }
}
