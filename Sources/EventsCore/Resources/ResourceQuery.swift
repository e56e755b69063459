import Foundation

/// Which rows of a resource to list: one page after a cursor, optionally of one event and changed since a time.
public struct ResourceQuery: Sendable, Equatable {
    public static let defaultLimit = 100
    public static let maxLimit = 1_000

    /// An event's id or slug.
    public var event: String?
    /// Only rows with a field changed at or after this instant.
    public var updatedSince: Date?
    /// The `nextCursor` of the previous page.
    public var after: String?
    public var limit: Int

    public init(event: String? = nil, updatedSince: Date? = nil, after: String? = nil, limit: Int = defaultLimit) {
        self.event = event
        self.updatedSince = updatedSince
        self.after = after
        self.limit = limit
    }
}

/// One page of a list. A page may hold fewer items than asked for (rows the reader may not see are left out);
/// the list is complete when `nextCursor` is absent.
public struct ResourcePage<Model: Encodable & Sendable>: Encodable, Sendable {
    public var items: [Listed<Model>]
    public var nextCursor: String?
    /// With `updatedSince`: the ids, in this page's range, of rows deleted since then that the reader could
    /// see (any event's: a deleted row no longer says where it belonged), so a client that mirrors the list can
    /// drop them.
    public var deletedIDs: [String]?
}

/// A row as the API shows it: the model's fields and `updatedAt`, when any of them last changed.
public struct Listed<Model: Encodable & Sendable>: Encodable, Sendable {
    public var model: Model
    public var updatedAt: Date?

    private enum CodingKeys: String, CodingKey { case updatedAt }

    public func encode(to encoder: any Encoder) throws {
        try model.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(updatedAt, forKey: .updatedAt)
    }
}
