import EventsCore
import Foundation
import Hummingbird

/// The query string of a list: `event` (id or slug), `updatedSince` (ISO 8601 instant), `after` (the previous
/// page's `nextCursor`) and `limit` (1 to 1000, default 100); anything malformed is a 400.
struct ListQuery {
    let resourceQuery: ResourceQuery

    init(_ request: Request) throws {
        let parameters = request.uri.queryParameters
        var query = ResourceQuery()
        query.event = parameters.get("event").map { String($0) }
        query.after = parameters.get("after").map { String($0) }
        if let since = parameters.get("updatedSince") {
            guard let date = Instant.rfc3339(String(since)) else {
                throw Problem.badRequest(
                    "updatedSince must be an ISO 8601 instant such as 2017-09-18T09:00:00Z, not '\(since)'.")
            }
            query.updatedSince = date
        }
        if let limit = parameters.get("limit") {
            guard let number = Int(limit), (1...ResourceQuery.maxLimit).contains(number) else {
                throw Problem.badRequest(
                    "limit must be a whole number from 1 to \(ResourceQuery.maxLimit), not '\(limit)'.")
            }
            query.limit = number
        }
        resourceQuery = query
    }
}
