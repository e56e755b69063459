import CCurl
import Foundation

/// The laptop's HTTP transport on libcurl: one easy handle reused for every request, so the connection is kept
/// alive between the pages of a sync; compressed responses accepted; bounded connect and transfer times.
public final class CurlTransport: SyncTransport {
    public let baseURL: String
    /// The bearer token sent with each request; a load generator may switch accounts between requests.
    public var token: String
    private let handle: UnsafeMutableRawPointer
    private let timeoutSeconds: Int
    /// Bytes this transport put on the wire and took off it (headers and bodies), counted only when
    /// `countsBytes` is set, for measurements.
    public var countsBytes = false
    /// Heap memory, because libcurl keeps the pointer for the whole transfer.
    private let counts = UnsafeMutablePointer<ccurl_counts>.allocate(capacity: 1)
    public var bytesSent: Int { counts.pointee.header_out + counts.pointee.data_out }
    public var bytesReceived: Int { counts.pointee.header_in + counts.pointee.data_in }

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    public init(baseURL: String, token: String, timeoutSeconds: Int = 60) throws {
        _ = Self.globalInit
        guard let handle = curl_easy_init() else {
            throw SyncError.unreachable(url: baseURL, reason: "libcurl could not create a handle")
        }
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.token = token
        self.handle = handle
        self.timeoutSeconds = timeoutSeconds
        counts.initialize(to: ccurl_counts())
    }

    deinit {
        curl_easy_cleanup(handle)
        counts.deallocate()
    }

    public func push(_ request: PushRequest) throws -> PushResponse {
        let body = try JSONEncoder().encode(request)
        return try decode(PushResponse.self, from: perform(path: "/v1/sync/push", body: body))
    }

    public func pull(after cursor: Int64, limit: Int, view: String?, horizon: Int64?, schemaVersion: Int) throws
        -> PullResponse
    {
        let viewParameter =
            view.map { "&view=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? ""
        let horizonParameter = horizon.map { "&horizon=\($0)" } ?? ""
        let path =
            "/v1/sync/pull?after=\(cursor)&limit=\(limit)&schema=\(schemaVersion)" + viewParameter + horizonParameter
        return try decode(PullResponse.self, from: perform(path: path, body: nil))
    }

    /// Sends one request; returns the body of a 2xx answer or throws the daemon's problem detail.
    public func perform(path: String, body: Data?, method: String? = nil) throws -> Data {
        let url = baseURL + path
        curl_easy_reset(handle)
        let sink = ResponseSink()
        var headers: UnsafeMutablePointer<curl_slist>? = nil
        headers = curl_slist_append(headers, "Authorization: Bearer \(token)")
        headers = curl_slist_append(headers, "Accept: application/json")
        if body != nil { headers = curl_slist_append(headers, "Content-Type: application/json") }
        defer { curl_slist_free_all(headers) }
        ccurl_setopt_string(handle, CURLOPT_URL, url)
        ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)
        ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        ccurl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1)
        ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, 5_000)
        ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeoutSeconds * 1_000)
        if let body {
            ccurl_setopt_long(handle, CURLOPT_POST, 1)
            ccurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
            body.withUnsafeBytes { bytes in
                _ = ccurl_setopt_pointer(
                    handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
            }
        } else {
            ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        }
        if let method { ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method) }
        if countsBytes { ccurl_count_bytes(handle, counts) }
        let context = Unmanaged.passUnretained(sink).toOpaque()
        ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        ccurl_setopt_write_function(handle) { data, size, count, context in
            let sink = Unmanaged<ResponseSink>.fromOpaque(context!).takeUnretainedValue()
            sink.data.append(UnsafeRawPointer(data!).assumingMemoryBound(to: UInt8.self), count: size * count)
            return size * count
        }
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            throw SyncError.unreachable(url: baseURL, reason: String(cString: curl_easy_strerror(code)))
        }
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        guard (200..<300).contains(status) else {
            if status == 429 { throw SyncError.rateLimited(retryAfterSeconds: retryAfter() ?? 60) }
            throw Self.problem(status: status, body: sink.data)
        }
        return sink.data
    }

    /// The answer's `Retry-After`, in seconds.
    private func retryAfter() -> Int? {
        var header: UnsafeMutablePointer<curl_header>?
        guard curl_easy_header(handle, "Retry-After", 0, UInt32(CURLH_HEADER), -1, &header) == CURLHE_OK,
            let value = header?.pointee.value
        else { return nil }
        return Int(String(cString: value).trimmingCharacters(in: .whitespaces)).map { max(1, $0) }
    }

    private func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw SyncError.malformed("the daemon's answer could not be read (\(error))")
        }
    }

    private static func problem(status: Int, body: Data) -> SyncError {
        struct Problem: Decodable { var detail: String? }
        let detail =
            (try? JSONDecoder().decode(Problem.self, from: body))?.detail
            ?? String(decoding: body.prefix(200), as: UTF8.self)
        switch status {
        case 401: return .unauthorized(detail)
        case 410: return .resyncRequired
        default: return .server(status: status, detail: detail)
        }
    }
}

private final class ResponseSink {
    var data = Data()
}
