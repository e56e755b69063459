import Foundation
import Hummingbird
import NIOCore

extension Response {
    /// A JSON response of any `Encodable` value, so domain and sync types need no HTTP conformances. Keys are the
    /// domain's names (`eventID`, `startsAt`), instants ISO 8601 in UTC.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let body = try JSONCoding.encoder.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension Request {
    /// The body as `T`: refused unless declared JSON, larger than `maxBodySize`, or not the expected shape.
    func decodeJSON<T: Decodable>(_ type: T.Type, maxBodySize: Int) async throws -> T {
        try requireJSON(self)
        let body = try await self.body.collect(upTo: maxBodySize)
        return try JSONDecoder().decode(T.self, from: Data(buffer: body))
    }
}

enum JSONCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()
}

/// Refuses a body declared as anything but JSON (a missing Content-Type is read as JSON, as curl sends it).
func requireJSON(_ request: Request) throws {
    guard let type = request.headers[.contentType] else { return }
    let media = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    guard media == "application/json" || media.hasSuffix("+json") else {
        throw Problem(
            .unsupportedMediaType, type: "unsupported-media-type",
            detail: "Send the body as application/json, not \(media).")
    }
}
