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
