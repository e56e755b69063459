import GRDB

/// A standing body of a series, such as the GFMD's Steering Group or its Friends of the Forum; organizations are
/// its members for terms.
public struct Body: Codable, Sendable, Equatable, FetchableRecord {
    public var id: String
    public var series: String
    public var name: String
    public var kind: BodyKind

    public init(row: Row) throws {
        let fields = StoredRow(row, table: EventsTable.bodies.name)
        id = try fields.id
        series = try fields.value(.series) ?? ""
        name = try fields.value(.name) ?? ""
        kind = try fields.word(.kind) ?? .other
    }
}
