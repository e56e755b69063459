import Foundation

/// What went wrong on the threads of a test, gathered under a lock.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []

    func add(_ failure: String) { lock.withLock { list.append(failure) } }

    var all: [String] { lock.withLock { list } }
}
