import Foundation
import Testing

@testable import Sync

@Suite struct HybridLogicalClockTests {
    @Test func followsTheWallClockWhenItMovesForward() {
        var clock = HybridLogicalClock()
        let first = clock.tick(now: 1_000)
        let second = clock.tick(now: 2_000)
        #expect(first == HybridTimestamp(milliseconds: 1_000, counter: 0))
        #expect(second == HybridTimestamp(milliseconds: 2_000, counter: 0))
    }

    @Test func staysMonotonicWhenTheWallClockStepsBack() {
        var clock = HybridLogicalClock()
        var previous = clock.tick(now: 50_000)
        for now in [49_000, 10_000, 50_000, 0] as [Int64] {
            let next = clock.tick(now: now)
            #expect(next > previous)
            #expect(next.milliseconds == 50_000)
            previous = next
        }
    }

    @Test func carriesCounterOverflowIntoTheMilliseconds() {
        var clock = HybridLogicalClock(last: HybridTimestamp(milliseconds: 7, counter: Int64(UInt16.max)))
        let next = clock.tick(now: 7)
        #expect(next == HybridTimestamp(milliseconds: 8, counter: 0))
    }

    @Test func ticksAfterEveryReceivedReading() {
        var clock = HybridLogicalClock()
        _ = clock.tick(now: 1_000)
        let remote = HybridTimestamp(milliseconds: 9_000, counter: 4)
        clock.receive(remote)
        let next = clock.tick(now: 1_001)
        #expect(next > remote)
        clock.receive(HybridTimestamp(milliseconds: 10, counter: 0))
        #expect(clock.tick(now: 1_002) > next)
    }

    @Test func packsMillisecondsAndCounterInClockOrder() {
        let a = HybridTimestamp(milliseconds: 1_700_000_000_000, counter: 65_535)
        let b = HybridTimestamp(milliseconds: 1_700_000_000_001, counter: 0)
        #expect(a < b)
        #expect(a.milliseconds == 1_700_000_000_000 && a.counter == 65_535)
    }

    @Test func persistsAcrossRestartsEvenIfTheWallClockWentBack() throws {
        let folder = try temporaryFolder()
        let clock = ManualClock(5_000_000)
        var replica: Replica? = try makeReplica(in: folder, name: "laptop", clock: clock)
        try replica!.write { try $0.insert(into: "notes", id: "n1", values: ["title": .text("a")]) }
        let before = try replica!.lastTimestamp()
        replica = nil
        clock.now = 1_000
        let reopened = try makeReplica(in: folder, name: "laptop", clock: clock)
        #expect(try reopened.lastTimestamp() == before)
        try reopened.write { try $0.update("notes", id: "n1", values: ["title": .text("b")]) }
        #expect(try reopened.lastTimestamp() > before)
    }
}
