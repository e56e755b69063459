/// What a member of the public gives when signing through the daemon's form: name and affiliation (which
/// identify them), optionally an email to be reached at and a reservation, understanding or declaration.
public struct PublicSignatureForm: Decodable, Sendable {
    public var name: String
    public var affiliation: String
    public var email: String?
    public var reservation: String?

    public init(name: String, affiliation: String, email: String? = nil, reservation: String? = nil) {
        self.name = name
        self.affiliation = affiliation
        self.email = email
        self.reservation = reservation
    }
}
