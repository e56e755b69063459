import Foundation
import Testing

/// A full disk and a read-only replica give one clear line and leave the replica as it was. They need root's
/// powers (a small tmpfs, the immutable attribute), so they run only where those work.
@Suite(.serialized) struct DiskFaultTests {
    static func succeeds(_ command: String, _ arguments: [String]) -> Bool {
        (try? run(URL(fileURLWithPath: command), arguments).status) == 0
    }

    static let canMount: Bool = {
        guard let folder = try? temporaryFolder() else { return false }
        defer { _ = succeeds("/bin/umount", [folder.path]) }
        return succeeds("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path])
    }()

    static let canFreeze: Bool = {
        guard let folder = try? temporaryFolder() else { return false }
        let file = folder.appendingPathComponent("probe")
        FileManager.default.createFile(atPath: file.path, contents: Data())
        defer { _ = succeeds("/usr/bin/chattr", ["-i", file.path]) }
        return succeeds("/usr/bin/chattr", ["+i", file.path])
    }()

    @Test(.enabled(if: canMount, "needs to mount a small tmpfs"))
    func aFullDiskRefusesTheWriteAndKeepsTheReplica() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "ana@example.org", name: "Ana", admin: true)
        let daemon = try Daemon(database: database)
        defer { daemon.stop() }
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        #expect(Self.succeeds("/bin/mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", disk.path]))
        defer { _ = Self.succeeds("/bin/umount", [disk.path]) }
        let laptop = try Laptop.signedIn("home", in: disk, daemon: daemon, token: token)
        let before = try laptop.ok("sessions", "list", "--event", "gfmd-2007", "--json")
        let filler = disk.appendingPathComponent("filler")
        FileManager.default.createFile(atPath: filler.path, contents: nil)
        let handle = try FileHandle(forWritingTo: filler)
        let block = Data(count: 64 * 1024)
        while (try? handle.write(contentsOf: block)) != nil {}
        try? handle.close()
        let title = String(repeating: "A long title that needs new pages. ", count: 400)
        let refused = try laptop.run(
            "sessions", "add", "--event", "gfmd-2007", "--title", title, "--start", "2007-07-10T18:00", "--end",
            "2007-07-10T19:00")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("is full; nothing was changed"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        try FileManager.default.removeItem(at: filler)
        #expect(try laptop.ok("sessions", "list", "--event", "gfmd-2007", "--json") == before)
        _ = try laptop.ok(
            "sessions", "add", "--event", "gfmd-2007", "--title", "After freeing space", "--start", "2007-07-10T18:00",
            "--end", "2007-07-10T19:00")
    }

    @Test(.enabled(if: canFreeze, "needs the immutable attribute"))
    func aReadOnlyReplicaRefusesTheWriteAndKeepsTheReplica() throws {
        let folder = try temporaryFolder()
        let database = folder.appendingPathComponent("eventsd.sqlite")
        let token = try createUser(database: database, email: "ana@example.org", name: "Ana", admin: true)
        let daemon = try Daemon(database: database)
        defer { daemon.stop() }
        let laptop = try Laptop.signedIn("home", in: folder, daemon: daemon, token: token)
        let before = try laptop.ok("sessions", "list", "--event", "gfmd-2007", "--json")
        let files = ["replica.sqlite", "replica.sqlite-wal", "replica.sqlite-shm"].map {
            laptop.home.appendingPathComponent($0).path
        }
        .filter { FileManager.default.fileExists(atPath: $0) }
        #expect(Self.succeeds("/usr/bin/chattr", ["+i"] + files))
        let refused = try laptop.run(
            "sessions", "add", "--event", "gfmd-2007", "--title", "Frozen", "--start", "2007-07-10T18:00", "--end",
            "2007-07-10T19:00")
        _ = Self.succeeds("/usr/bin/chattr", ["-i"] + files)
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains("cannot be written (") && refused.stderr.contains("nothing was changed"),
            "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try laptop.ok("sessions", "list", "--event", "gfmd-2007", "--json") == before)
    }
}
