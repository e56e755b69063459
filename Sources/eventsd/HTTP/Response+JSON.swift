import Foundation
import Hummingbird
import NIOCore

extension Response {
    /// A JSON response of any `Encodable` value, so domain and sync types need no HTTP conformances.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let body = try JSONEncoder().encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// Refuses a body declared as anything but JSON (a missing Content-Type is read as JSON, as curl sends it).
func requireJSON(_ request: Request) throws {
    guard let type = request.headers[.contentType] else { return }
    let media = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    guard media == "application/json" || media.hasSuffix("+json") else {
        throw Problem(.unsupportedMediaType, type: "unsupported-media-type", detail: "Send the body as application/json, not \(media).")
    }
}
