import Crypto
import Foundation
import Hummingbird

/// A strong validator of a response body (`ETag`), and whether a request's `If-None-Match` already holds it.
struct EntityTag: Sendable, Equatable {
    let value: String

    init(of body: Data) {
        value = "\"" + SHA256.hash(data: body).prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
    }

    func isHeld(by request: Request) -> Bool {
        let known = request.headers[values: .ifNoneMatch].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "") }
        return known.contains(value) || known.contains("*")
    }

    /// The body with this tag, or `304 Not Modified` when the client holds it already.
    func response(_ body: ByteBuffer, contentType: String, to request: Request) -> Response {
        var headers: HTTPFields = [.eTag: value, .cacheControl: "no-cache"]
        guard !isHeld(by: request) else { return Response(status: .notModified, headers: headers) }
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }
}
