import EventsCore
import Foundation
import Sync

/// Where this laptop keeps its config (daemon URL and token, readable only by its owner) and its replica.
struct CLIHome {
    let configFile: URL
    let replicaFile: URL

    init(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let folder = explicit ?? environment["EVENTSCTL_HOME"] {
            let base = URL(fileURLWithPath: folder, isDirectory: true)
            configFile = base.appendingPathComponent("config.json")
            replicaFile = base.appendingPathComponent("replica.sqlite")
        } else {
            let home = URL(fileURLWithPath: NSHomeDirectory(), isDirectory: true)
            let config =
                environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
                ?? home.appendingPathComponent(".config")
            let data =
                environment["XDG_DATA_HOME"].map { URL(fileURLWithPath: $0) }
                ?? home.appendingPathComponent(".local/share")
            configFile = config.appendingPathComponent("eventsctl/config.json")
            replicaFile = data.appendingPathComponent("eventsctl/replica.sqlite")
        }
    }

    func openStore() throws -> EventsStore {
        EventsStore(replica: try openReplica())
    }

    /// The replica itself, for the commands that sync it; every other command works through `openStore()`.
    func openReplica() throws -> Replica {
        try FileManager.default.createDirectory(
            at: replicaFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        return try Replica(
            path: replicaFile.path, schema: EventsSchema.replicated, migrations: EventsStore.registerLaptopMigrations,
            busyTimeout: 3)
    }

    /// Removes the replica files and any copy set aside before.
    func removeReplica() throws {
        let name = replicaFile.lastPathComponent
        try removeFiles { [name, name + "-wal", name + "-shm"].contains($0) || $0.hasPrefix(name + ".previous-") }
    }

    /// Removes the files beside the replica whose names match.
    private func removeFiles(where matches: (String) -> Bool) throws {
        let folder = replicaFile.deletingLastPathComponent()
        for file in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where matches(file) {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(file))
        }
    }

    /// Moves the replica files aside (kept for inspection, replacing an older copy set aside before, so at most
    /// one is kept) and returns where the main file went.
    func setReplicaAside() throws -> URL {
        let prefix = replicaFile.lastPathComponent + ".previous-"
        try removeFiles { $0.hasPrefix(prefix) }
        let stamp = Int(Date().timeIntervalSince1970 * 1000)
        let backup = replicaFile.appendingPathExtension("previous-\(stamp)")
        for suffix in ["", "-wal", "-shm"] {
            let from = URL(fileURLWithPath: replicaFile.path + suffix)
            guard FileManager.default.fileExists(atPath: from.path) else { continue }
            try FileManager.default.moveItem(at: from, to: URL(fileURLWithPath: backup.path + suffix))
        }
        return backup
    }

    func loadConfig() throws -> CLIConfig? {
        guard FileManager.default.fileExists(atPath: configFile.path) else { return nil }
        do {
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: configFile.path)
            return try JSONDecoder().decode(CLIConfig.self, from: Data(contentsOf: configFile))
        } catch {
            throw CLIError.unreadableConfig(configFile.path)
        }
    }

    func requireConfig() throws -> CLIConfig {
        guard let config = try loadConfig() else { throw CLIError.notLoggedIn }
        return config
    }

    /// The person the user acts as: `--as`, else the logged-in account's email.
    func me(_ explicit: String?) throws -> String {
        if let explicit { return explicit }
        guard let email = try loadConfig()?.email else { throw CLIError.unknownIdentity }
        return email
    }

    func save(_ config: CLIConfig) throws {
        let folder = configFile.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Written owner-only from the start, then moved into place, so the token is never readable by others.
        let temporary = folder.appendingPathComponent(".config.json.\(ProcessInfo.processInfo.processIdentifier)")
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: try encoder.encode(config), attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: configFile.path]) }
        if FileManager.default.fileExists(atPath: configFile.path) {
            _ = try FileManager.default.replaceItemAt(configFile, withItemAt: temporary)
        } else {
            try FileManager.default.moveItem(at: temporary, to: configFile)
        }
    }
}

struct CLIConfig: Codable {
    var server: String
    var token: String
    /// The logged-in account's email: who "I" am when answering an RSVP or signing.
    var email: String?
}
