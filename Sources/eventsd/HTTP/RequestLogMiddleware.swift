import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Gives every request an id (the client's `X-Request-Id` when it is a sane token, else Hummingbird's), puts it
/// on every log line written while the request is handled and on the response, and logs one line per request
/// with its outcome and duration. Errors reach it as problem responses: `ProblemMiddleware` runs inside it.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    static var header: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        let assigned = context.logger[metadataKey: "hb.request.id"].map { "\($0)" }
        let id = request.headers[Self.header].flatMap(Self.acceptable) ?? assigned ?? Self.newID()
        context.logger[metadataKey: "hb.request.id"] = nil
        context.logger[metadataKey: "request.id"] = .string(id)
        let start = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[Self.header] = id
        let milliseconds = (ContinuousClock.now - start) / .milliseconds(1)
        context.logger.info(
            "Request handled",
            metadata: [
                "http.method": "\(request.method)", "http.path": "\(Self.redacted(request.uri.path))",
                "http.status": "\(response.status.code)",
                "http.duration_ms": "\((milliseconds * 1000).rounded() / 1000)",
            ])
        return response
    }

    /// The path without the secret a personal feed's URL carries: calendar apps cannot send a header, so the
    /// token is in the path, and log files are read by more people than the feed's owner.
    static func redacted(_ path: String) -> String {
        guard path.hasPrefix("/v1/feeds/") else { return path }
        return "/v1/feeds/[redacted]" + (path.hasSuffix(".ics") ? ".ics" : "")
    }

    private static func acceptable(_ value: String) -> String? {
        guard (1...128).contains(value.utf8.count), value.utf8.allSatisfy({ (0x21...0x7e).contains($0) }) else {
            return nil
        }
        return value
    }

    private static func newID() -> String {
        (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }
}
