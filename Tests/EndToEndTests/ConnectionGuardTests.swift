import Foundation
import Testing

/// Slow, silent and malformed connections against the real daemon: a request head must arrive in time, a
/// silent connection is closed, an HTTP/1.0 request is answered and its connection closed, and a malformed
/// chunked body is a 400 problem, never a 500.
@Suite(.serialized) struct ConnectionGuardTests {
    /// A raw TCP connection to the daemon, with a bounded wait on every read.
    final class Connection {
        let fd: Int32

        init(port: Int) {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var wait = timeval(tv_sec: 15, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }

        /// Whether all of `text` was sent (false once the daemon closed the connection).
        @discardableResult
        func send(_ text: String) -> Bool {
            text.withCString { Glibc.send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) } == strlen(text)
        }

        /// Everything until the daemon closes the connection; `nil` if it stayed open past the read timeout.
        func readToEnd() -> String? {
            var received = Data()
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count == 0 { return String(decoding: received, as: UTF8.self) }
                if count < 0 { return errno == ECONNRESET ? String(decoding: received, as: UTF8.self) : nil }
                received.append(contentsOf: buffer[0..<count])
            }
        }

        deinit { close(fd) }
    }

    static func daemon(header: Int, idle: Int) throws -> (Daemon, token: String) {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "admin@example.org", name: "Admin", admin: true)
        let daemon = try Daemon(
            database: database, seed: nil,
            environment: ["EVENTSD_HEADER_TIMEOUT": "\(header)", "EVENTSD_IDLE_TIMEOUT": "\(idle)"])
        return (daemon, token)
    }

    @Test func aHeadThatDoesNotArriveInTimeClosesTheConnection() throws {
        let (daemon, _) = try Self.daemon(header: 1, idle: 60)
        defer { daemon.stop() }
        let started = Date()
        let silent = Connection(port: daemon.port)
        silent.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
        #expect(silent.readToEnd() == "", "a half-sent head is cut off")
        let dripping = Connection(port: daemon.port)
        var sent = 0
        for byte in "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: \(String(repeating: "a", count: 100))" {
            guard dripping.send(String(byte)) else { break }
            sent += 1
            usleep(100_000)
        }
        #expect(sent < 60, "a head dripped a byte at a time is cut off too (\(sent) bytes went through)")
        #expect(dripping.readToEnd() == "")
        #expect(Date().timeIntervalSince(started) < 30, "well before the 60 s idle timeout")
        let served = try HostileInputTests.request("\(daemon.url)/healthz", method: "GET", token: nil)
        #expect(served.status == 200, "the daemon keeps serving")
    }

    @Test func aSilentConnectionIsClosedAndHTTP10IsAnsweredAndClosed() throws {
        let (daemon, _) = try Self.daemon(header: 30, idle: 1)
        defer { daemon.stop() }
        let started = Date()
        let stalled = Connection(port: daemon.port)
        stalled.send("POST /v1/sync/push HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\n{\"")
        #expect(stalled.readToEnd() != nil, "a body that stops coming is closed by the idle timeout")
        #expect(Date().timeIntervalSince(started) < 25, "before the 30 s header timeout")
        let old = Connection(port: daemon.port)
        old.send("GET /healthz HTTP/1.0\r\n\r\n")
        let answer = try #require(
            old.readToEnd(), "an HTTP/1.0 connection without keep-alive is closed after its answer")
        #expect(answer.hasPrefix("HTTP/1.1 200") || answer.hasPrefix("HTTP/1.0 200"), "\(answer)")
        #expect(answer.lowercased().contains("connection: close"))
    }

    @Test func aMalformedChunkedBodyIsABadRequest() throws {
        let (daemon, token) = try Self.daemon(header: 30, idle: 60)
        defer { daemon.stop() }
        for chunk in ["zz\r\n", "-1\r\n", "3\r\nabcXX\r\n"] {
            let connection = Connection(port: daemon.port)
            connection.send(
                "POST /v1/sync/push HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n\(chunk)")
            let answer = try #require(connection.readToEnd(), "the daemon answers and closes")
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(chunk.debugDescription): \(answer.prefix(200))")
        }
        #expect(try HostileInputTests.request("\(daemon.url)/healthz", method: "GET", token: nil).status == 200)
    }
}
