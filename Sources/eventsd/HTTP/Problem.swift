import EventsCore
import Foundation
import Hummingbird
import NIOCore
import NIOHTTP1
import Sync

/// An RFC 9457 problem: every error the daemon answers is one, as `application/problem+json` with a stable
/// `type` scripts can branch on and a `detail` for people.
struct Problem: HTTPResponseError, Encodable {
    let status: HTTPResponse.Status
    let type: String
    let title: String
    let detail: String
    /// Seconds after which the client may try again (`Retry-After`): a spent write budget, a busy database.
    var retryAfter: Int?
    /// The methods the path is served with (`Allow`), for a 405.
    var allow: [String]?
    /// The rule beyond the document's schemas that a well-formed request broke.
    var rule: BeyondSchemaRule?

    init(_ status: HTTPResponse.Status, type: String, detail: String) {
        self.status = status
        self.type = "/problems/\(type)"
        self.title = status.reasonPhrase
        self.detail = detail
    }

    static func unauthorized(_ detail: String) -> Problem {
        Problem(.unauthorized, type: "unauthorized", detail: detail)
    }
    static func badRequest(_ detail: String) -> Problem { Problem(.badRequest, type: "bad-request", detail: detail) }

    private enum CodingKeys: String, CodingKey { case type, title, status, detail, rule }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(Int(status.code), forKey: .status)
        try container.encode(detail, forKey: .detail)
        try container.encodeIfPresent(rule, forKey: .rule)
    }

    /// The same problem, naming the rule beyond the schemas that the request broke.
    func breaking(_ rule: BeyondSchemaRule) -> Problem {
        var problem = self
        problem.rule = rule
        return problem
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = try JSONCoding.encoder.encode(self)
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"eventsd\"" }
        if let retryAfter { headers[.retryAfter] = "\(retryAfter)" }
        if let allow { headers[.allow] = allow.joined(separator: ", ") }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension Problem {
    /// The problem that describes `error`: domain and sync errors keep their words, anything unexpected is a
    /// 500 without internals.
    init(describing error: any Error) {
        switch error {
        case let problem as Problem:
            self = problem
        case let error as SyncError:
            self.init(syncError: error)
        case let error as EventsError:
            self.init(eventsError: error)
        case let error as AccountsError:
            switch error {
            case .unknownAccount: self.init(.notFound, type: "not-found", detail: error.description)
            case .emailTaken: self.init(.conflict, type: "account", detail: error.description)
            case .invalidEmail, .emptyName: self.init(.unprocessableContent, type: "invalid", detail: error.description)
            }
        case let failure as StorageFailure:
            self.init(storageFailure: failure)
        case is DecodingError:
            self.init(
                .badRequest, type: "malformed-body",
                detail: "The body is not the expected JSON: \(Self.summary(of: error)).")
        case is HTTPParserError:
            self.init(
                .badRequest, type: "malformed-request",
                detail: "The request is not well-formed HTTP (a malformed chunked body?).")
        case is NIOTooManyBytesError:
            self.init(
                .contentTooLarge, type: "too-large", detail: "The request body is larger than the daemon accepts.")
        case let error as HTTPError:
            self.init(
                error.status, type: error.status == .notFound ? "not-found" : "http",
                detail: error.body ?? error.status.reasonPhrase)
        default:
            self = .internalFailure
        }
    }

    /// Anything the client can do nothing about: the details go to the log only.
    static let internalFailure = Problem(
        .internalServerError, type: "internal", detail: "The daemon failed to handle the request; it has been logged.")

    /// The database's file is the daemon's business: the client learns only whether trying again may help.
    private init(storageFailure failure: StorageFailure) {
        switch failure.kind {
        case .busy:
            self.init(
                .serviceUnavailable, type: "database-busy",
                detail: "The database is busy; nothing was changed, try again.")
            retryAfter = 1
        case .full:
            self.init(
                HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage"), type: "storage-full",
                detail: "The daemon's disk is full; nothing was changed.")
        case .damaged, .cannotWrite, .other:
            self = .internalFailure
        }
    }

    private init(syncError error: SyncError) {
        switch error {
        case .unknownTable, .unknownColumn, .malformed:
            self.init(.badRequest, type: "malformed-sync-message", detail: error.description)
        case .cursorAhead:
            self = Problem(.badRequest, type: "malformed-sync-message", detail: error.description)
                .breaking(.cursorWithinDaemon)
        case .danglingIndex:
            self = Problem(.badRequest, type: "malformed-sync-message", detail: error.description)
                .breaking(.changeSetIndexes)
        case .unsupportedSchema(let sent, let accepted):
            let versions = accepted.map(String.init).joined(separator: ", ")
            self.init(
                .badRequest, type: "unsupported-schema",
                detail:
                    "Schema version \(sent) is not supported (this daemon accepts \(versions)); upgrade eventsctl: your queued changes are kept."
            )
        case .rowExists, .batchReused:
            self.init(.conflict, type: "conflict", detail: error.description)
        case .invalidValue:
            self.init(.unprocessableContent, type: "invalid", detail: error.description)
        case .rowNotFound:
            self.init(.notFound, type: "not-found", detail: error.description)
        case .replicaOwnedByAnother, .forbidden:
            self.init(.forbidden, type: "forbidden", detail: error.description)
        case .unauthorized(let detail):
            self.init(.unauthorized, type: "unauthorized", detail: detail)
        case .resyncRequired:
            self.init(.gone, type: "resync-required", detail: error.description)
        case .tooManyChanges:
            self.init(.contentTooLarge, type: "too-many-changes", detail: error.description)
        case .rateLimited(let seconds):
            self.init(
                .tooManyRequests, type: "write-budget",
                detail: "This account's write budget is spent; retry in \(seconds) s.")
            retryAfter = seconds
        case .unreachable, .server:
            self.init(.badGateway, type: "upstream", detail: error.description)
        }
    }

    private static func summary(of error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            let reason = context.debugDescription.trimmingCharacters(in: CharacterSet(charactersIn: "."))
            return path.isEmpty ? reason : "\(path): \(reason)"
        @unknown default:
            return "\(error)"
        }
    }
}
