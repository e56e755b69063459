/// The wire form of a list of changes, grouped so that table names, row ids, column names and replica ids
/// are written once and times are offsets from the earliest one.
///
/// ```json
/// {"replicas": ["…32 hex…"], "base": 118…, "tables": [{"name": "sessions", "columns": ["title"],
///  "rows": [{"id": "…", "c": [[-1, 1, 0, 0], [0, "Opening plenary"]]}]}]}
/// ```
/// Each entry of `c` is `[column index or -1 for existence, causal length, time offset, replica index, value]`,
/// or `[column index, value]` when it has the same stamp as the entry before it.
public struct ChangeSet: Codable, Sendable, Equatable {
    struct TableGroup: Codable, Equatable {
        var name: String
        var columns: [String]
        var rows: [RowGroup]
    }

    /// A row's entries. An entry with the same stamp as the one before it (the fields of one edit) is written
    /// short, `[column, value]`, which halves the bytes of a typical row.
    struct RowGroup: Codable, Equatable {
        var id: String
        var c: [Entry]

        init(id: String, c: [Entry]) {
            self.id = id
            self.c = c
        }

        private enum CodingKeys: String, CodingKey { case id, c }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            var list = try container.nestedUnkeyedContainer(forKey: .c)
            c = []
            while !list.isAtEnd {
                var item = try list.nestedUnkeyedContainer()
                guard let count = item.count, count <= 2 else {
                    c.append(try Entry(from: item))
                    continue
                }
                guard let previous = c.last else {
                    throw DecodingError.dataCorruptedError(
                        in: item, debugDescription: "a short entry must follow a full one")
                }
                let column = try item.decode(Int.self)
                let value = item.isAtEnd ? SyncValue.null : try item.decode(SyncValue.self)
                c.append(
                    Entry(
                        column: column, causalLength: previous.causalLength, timeOffset: previous.timeOffset,
                        replica: previous.replica, value: value))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            var list = container.nestedUnkeyedContainer(forKey: .c)
            var previous: Entry?
            for entry in c {
                var item = list.nestedUnkeyedContainer()
                if let previous, previous.sharesStamp(with: entry) {
                    try item.encode(entry.column)
                    if entry.value != .null { try item.encode(entry.value) }
                } else {
                    try entry.encode(into: &item)
                }
                previous = entry
            }
        }
    }

    struct Entry: Codable, Equatable {
        var column: Int
        var causalLength: Int64
        var timeOffset: Int64
        var replica: Int
        var value: SyncValue

        init(column: Int, causalLength: Int64, timeOffset: Int64, replica: Int, value: SyncValue) {
            self.column = column
            self.causalLength = causalLength
            self.timeOffset = timeOffset
            self.replica = replica
            self.value = value
        }

        init(from container: UnkeyedDecodingContainer) throws {
            var container = container
            column = try container.decode(Int.self)
            causalLength = try container.decode(Int64.self)
            timeOffset = try container.decode(Int64.self)
            replica = try container.decode(Int.self)
            value = container.isAtEnd ? .null : try container.decode(SyncValue.self)
        }

        init(from decoder: any Decoder) throws {
            try self.init(from: try decoder.unkeyedContainer())
        }

        func encode(into container: inout UnkeyedEncodingContainer) throws {
            try container.encode(column)
            try container.encode(causalLength)
            try container.encode(timeOffset)
            try container.encode(replica)
            if value != .null { try container.encode(value) }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            try encode(into: &container)
        }

        func sharesStamp(with other: Entry) -> Bool {
            (causalLength, timeOffset, replica) == (other.causalLength, other.timeOffset, other.replica)
        }
    }

    var replicas: [ReplicaID]
    var base: Int64
    var tables: [TableGroup]

    public static let empty = ChangeSet([])
    /// No row is deleted and re-created a trillion times; larger values can only be hostile.
    static let maxCausalLength: Int64 = 1 << 40

    public init(_ changes: [Change]) {
        var replicaIndex: [ReplicaID: Int] = [:]
        var tableIndex: [String: Int] = [:]
        var columnIndex: [[String: Int]] = []
        var rowIndex: [[String: Int]] = []
        replicas = []
        tables = []
        base = changes.map(\.stamp.time.rawValue).min() ?? 0
        for change in changes {
            let replica =
                replicaIndex[change.stamp.replica]
                ?? {
                    replicas.append(change.stamp.replica)
                    replicaIndex[change.stamp.replica] = replicas.count - 1
                    return replicas.count - 1
                }()
            let table =
                tableIndex[change.table]
                ?? {
                    tables.append(TableGroup(name: change.table, columns: [], rows: []))
                    columnIndex.append([:])
                    rowIndex.append([:])
                    tableIndex[change.table] = tables.count - 1
                    return tables.count - 1
                }()
            var column = -1
            if let name = change.column {
                column =
                    columnIndex[table][name]
                    ?? {
                        tables[table].columns.append(name)
                        columnIndex[table][name] = tables[table].columns.count - 1
                        return tables[table].columns.count - 1
                    }()
            }
            let row =
                rowIndex[table][change.rowID]
                ?? {
                    tables[table].rows.append(RowGroup(id: change.rowID, c: []))
                    rowIndex[table][change.rowID] = tables[table].rows.count - 1
                    return tables[table].rows.count - 1
                }()
            tables[table].rows[row].c.append(
                Entry(
                    column: column, causalLength: change.stamp.causalLength,
                    timeOffset: change.stamp.time.rawValue - base, replica: replica, value: change.value))
        }
    }

    public var count: Int { tables.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.c.count } } }

    /// Hybrid logical times stay below this (48 bits of milliseconds and 16 of counter, with room to spare), so a
    /// base and an offset never overflow.
    static let maxTime: Int64 = 1 << 62

    /// The changes in a stable order (table, row, entry), the order in which verdicts are given.
    public func changes() throws(SyncError) -> [Change] {
        guard (0...Self.maxTime).contains(base) else { throw .malformed("the base time is out of range") }
        var result: [Change] = []
        result.reserveCapacity(count)
        for table in tables {
            for row in table.rows {
                for entry in row.c {
                    guard replicas.indices.contains(entry.replica) else {
                        throw .danglingIndex(
                            "change refers to replica #\(entry.replica), but the set lists \(replicas.count)")
                    }
                    guard entry.column == -1 || table.columns.indices.contains(entry.column) else {
                        throw .danglingIndex(
                            "change refers to column #\(entry.column) of '\(table.name)', which is not listed")
                    }
                    guard (0...Self.maxTime).contains(entry.timeOffset),
                        (1...Self.maxCausalLength).contains(entry.causalLength)
                    else {
                        throw .malformed(
                            "change to '\(table.name)' has an impossible time offset or causal length")
                    }
                    let time = base + entry.timeOffset
                    let stamp = Stamp(
                        causalLength: entry.causalLength, time: HybridTimestamp(rawValue: time),
                        replica: replicas[entry.replica])
                    result.append(
                        Change(
                            table: table.name, rowID: row.id,
                            column: entry.column == -1 ? nil : table.columns[entry.column],
                            value: entry.value, stamp: stamp))
                }
            }
        }
        return result
    }
}
