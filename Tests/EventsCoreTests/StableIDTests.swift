import Testing

@testable import EventsCore

/// Every replica derives the same id from the same names, across versions: the recipe's output is pinned
/// (checked against Python's hashlib: `sha256("person\x1fnadia@example.org")[:16]` in the UUID layout).
@Suite struct StableIDTests {
    @Test func theRecipeGivesTheIdsItAlwaysGave() {
        #expect(StableID.make("person", "nadia@example.org") == "4c2b455c-5cb9-f254-8b1b-26f184e63353")
        #expect(StableID.make("session", "gms-2017", "opening") == "bb1e19a2-f125-c9c7-f18f-811ff262b104")
        #expect(RowID.person(email: "Nadia@Example.org") == "4c2b455c-5cb9-f254-8b1b-26f184e63353")
    }
}
