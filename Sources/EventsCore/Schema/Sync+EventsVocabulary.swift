import Sync

// Sync is generic and names tables and columns by strings; these overloads let the events domain name them
// by `EventsTable` and `EventsColumn` only.

extension ReplicatedColumn {
    init(_ column: EventsColumn, _ domain: ValueDomain, since version: Int = 1) {
        self.init(column.name, domain, since: version)
    }
}

extension ReplicatedTable {
    init(
        _ table: EventsTable, columns: [ReplicatedColumn], indexed: [EventsColumn] = [],
        indexedTogether: [[EventsColumn]] = [], deletionScope: [EventsColumn] = [], since version: Int = 1,
        closesPushBatch: Bool = false
    ) {
        self.init(
            table.name, columns: columns, indexed: indexed.map(\.name),
            indexedTogether: indexedTogether.map { $0.map(\.name) }, deletionScope: deletionScope.map(\.name),
            since: version, closesPushBatch: closesPushBatch)
    }
}

extension RowState {
    subscript(column: EventsColumn) -> SyncValue { self[column.name] }
    func text(_ column: EventsColumn) -> String? { text(column.name) }
}

extension RowChange {
    var eventsTable: EventsTable? { EventsTable(rawValue: table) }
    func changes(_ column: EventsColumn) -> Bool { changes(column.name) }
    func touches(any columns: Set<EventsColumn>) -> Bool { !self.columns.isDisjoint(with: columns.map(\.name)) }
    func touchesOnly(_ columns: Set<EventsColumn>) -> Bool { self.columns.isSubset(of: columns.map(\.name)) }
}

extension Facts {
    func row(_ table: EventsTable, _ id: String) throws -> RowState? { try row(table.name, id) }
    func value(_ table: EventsTable, _ id: String, _ column: EventsColumn) throws -> SyncValue? {
        try value(table.name, id, column.name)
    }
    func count(_ table: EventsTable, where column: EventsColumn, is value: String) throws -> Int {
        try count(table.name, where: column.name, is: value)
    }
}

extension LocalWrite {
    mutating func insert(into table: EventsTable, id: String, values: [EventsColumn: SyncValue]) throws {
        try insert(into: table.name, id: id, values: values.byName)
    }
    mutating func update(_ table: EventsTable, id: String, values: [EventsColumn: SyncValue]) throws {
        try update(table.name, id: id, values: values.byName)
    }
    mutating func delete(from table: EventsTable, id: String) throws { try delete(from: table.name, id: id) }
    func exists(in table: EventsTable, id: String) throws -> Bool { try exists(in: table.name, id: id) }
    func authorize(
        _ table: EventsTable, id: String, columns: Set<EventsColumn>, proposed: [EventsColumn: SyncValue]? = nil
    ) throws {
        try authorize(table.name, id: id, columns: Set(columns.map(\.name)), proposed: proposed?.byName)
    }
}

extension Dictionary where Key == EventsColumn, Value == SyncValue {
    /// The values keyed by column name, as Sync takes them.
    var byName: [String: SyncValue] { [String: SyncValue](uniqueKeysWithValues: map { ($0.name, $1) }) }
}
