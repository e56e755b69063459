import Hummingbird

extension Parameters {
    /// A query parameter that may be left out, but not given malformed (a 400 naming it).
    func optional<Wanted: LosslessStringConvertible & Sendable>(_ name: String, as type: Wanted.Type) throws -> Wanted?
    {
        get(name) == nil ? nil : try require(name, as: Wanted.self)
    }
}
