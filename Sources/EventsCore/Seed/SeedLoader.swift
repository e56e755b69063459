import Foundation

/// Loads the demo data in `seed/`: JSON files of events, each with its sessions. Ids derive from the slugs and
/// session keys, and rows that exist are left alone, so loading twice changes nothing.
public struct SeedLoader {
    struct File: Decodable {
        var events: [SeedEvent]
    }

    struct SeedEvent: Decodable {
        var event: EventDraft
        var sessions: [SeedSession]

        init(from decoder: any Decoder) throws {
            event = try EventDraft(from: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            sessions = try container.decodeIfPresent([SeedSession].self, forKey: .sessions) ?? []
        }

        enum CodingKeys: String, CodingKey { case sessions }
    }

    struct SeedSession: Decodable {
        var key: String
        var title: String
        var format: String
        var start: String
        var end: String
        var room: String?
    }

    public let store: EventsStore

    public init(store: EventsStore) {
        self.store = store
    }

    /// Loads every `*.json` file of `directory` in name order; returns how many sessions were added.
    @discardableResult
    public func load(directory: URL) throws -> Int {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var added = 0
        for file in files {
            let seed: File
            do {
                seed = try JSONDecoder().decode(File.self, from: Data(contentsOf: file))
            } catch {
                throw EventsError.invalidSeed(file: file.lastPathComponent, reason: String(describing: error))
            }
            for entry in seed.events { added += try load(entry) }
        }
        return added
    }

    private func load(_ entry: SeedEvent) throws -> Int {
        try store.declareEvent(entry.event)
        var added = 0
        for session in entry.sessions {
            let id = StableID.make("session", entry.event.slug, session.key)
            if try store.replica.isKnown(table: "sessions", id: id) { continue }
            let draft = SessionDraft(
                title: session.title, format: session.format, start: session.start, end: session.end, room: session.room)
            _ = try store.addSession(eventSlug: entry.event.slug, draft, id: id)
            added += 1
        }
        return added
    }
}
