import Synchronization
import Testing

@testable import eventsd

/// The web pages' one read of the change sequence for many requests: every request gets a value read after it
/// asked (so never a page older than a write acknowledged before it), and concurrent requests share reads.
@Suite struct ChangeSequenceProbeTests {
    @Test func everyAnswerComesFromAReadStartedAfterTheQuestion() async throws {
        let reads = Counter()
        let probe = ChangeSequenceProbe {
            let number = reads.started.add(1, ordering: .sequentiallyConsistent).newValue
            for _ in 0..<5 { await Task.yield() }
            return number
        }
        let answers = try await withThrowingTaskGroup(of: (asked: Int64, read: Int64).self) { group in
            for _ in 0..<400 {
                group.addTask {
                    let asked = reads.started.load(ordering: .sequentiallyConsistent)
                    return (asked, try await probe.current())
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers.count == 400)
        #expect(answers.allSatisfy { $0.read > $0.asked }, "a read that started after the question")
        #expect(reads.started.load(ordering: .sequentiallyConsistent) < 400, "questions asked together share a read")
    }

    @Test func aFailedReadFailsItsWaitersAndTheNextReadAnswersAgain() async throws {
        let reads = Counter()
        let probe = ChangeSequenceProbe {
            if reads.started.add(1, ordering: .sequentiallyConsistent).newValue == 1 { throw ProbeFailure() }
            return 7
        }
        await #expect(throws: ProbeFailure.self) { try await probe.current() }
        #expect(try await probe.current() == 7)
    }

    struct ProbeFailure: Error {}

    final class Counter: Sendable {
        let started = Atomic<Int64>(0)
    }
}
