/// The daemon's answer to a push: how many changes were accepted, a note for every other change, and the
/// daemon-stamped versions of restamped changes, which the laptop adopts even though their stamps are older.
public struct PushResponse: Codable, Sendable, Equatable {
    public var batch: String
    public var accepted: Int
    public var notes: [VerdictNote]
    public var corrections: ChangeSet

    public init(batch: String, accepted: Int, notes: [VerdictNote], corrections: ChangeSet) {
        self.batch = batch
        self.accepted = accepted
        self.notes = notes
        self.corrections = corrections
    }
}
