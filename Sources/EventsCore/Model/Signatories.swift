import Foundation

/// A declaration's signatories as published: named signatories (such as a commission) and approved members of the
/// public, each list by surname, `*` after a name that made a reservation, understanding or declaration.
public struct Signatories: Codable, Sendable, Equatable {
    public static let footnote = "*Denotes a Reservation, Understanding, or Declaration"

    public var declarationID: String
    public var title: String
    public var named: [Signatory]
    public var `public`: [Signatory]
    public var footnote: String
}

/// One signatory as listed: name and affiliation, whether they reserve (and the text, where given); the signing
/// time and a public signatory's contact only where the reader decides on it.
public struct Signatory: Codable, Sendable, Equatable {
    public var signatureID: String
    public var name: String
    public var affiliation: String?
    public var reserves: Bool
    public var reservation: String?
    public var status: SignatureStatus
    public var signedAt: String?
    public var contactEmail: String?

    /// "Name*" where the signatory reserves.
    public var markedName: String { reserves ? name + "*" : name }

    /// The order of a published list: by surname (the name's last word), then the whole name, case and accents
    /// aside.
    static func listOrder(_ first: Signatory, _ second: Signatory) -> Bool {
        func key(_ name: String) -> [String] {
            let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            return [String(folded.split(separator: " ").last ?? ""), folded]
        }
        return key(first.name).lexicographicallyPrecedes(key(second.name))
    }
}
