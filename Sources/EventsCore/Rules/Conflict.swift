/// A rule the replica's data breaks, often because two offline edits met in a sync.
public struct Conflict: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case outsideEvent = "outside-event"
        case roomDoubleBooked = "room-double-booked"
        case personDoubleBooked = "person-double-booked"
        case coChairs = "co-chairs"
        /// An observer of the event (or an international organization, which observes State-led meetings) named
        /// co-chair of a government roundtable.
        case observerCoChair = "observer-co-chair"
        /// The series' Steering Group, serving at the event, is not balanced between developed and developing
        /// governments.
        case steeringGroupUnbalanced = "steering-group-unbalanced"
        case capacity
        case substitute
        case times
    }

    public var kind: Kind
    public var sessionIDs: [String]
    public var message: String
}
