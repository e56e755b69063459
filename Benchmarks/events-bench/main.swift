import Foundation

/// `events-bench [--only NAME ...] [--scale F]`: each scenario prints one line
/// `NAME: value unit (baseline value unit, ratio R)`, measured side by side in one run.
let arguments = Array(CommandLine.arguments.dropFirst())
var only: Set<String> = []
var scale = 1.0
var index = 0
while index < arguments.count {
    switch arguments[index] {
    case "--only":
        index += 1
        if index < arguments.count { only.insert(arguments[index]) }
    case "--scale":
        index += 1
        scale = index < arguments.count ? Double(arguments[index]) ?? 1 : 1
    default:
        FileHandle.standardError.write(
            Data("events-bench: unknown argument \(arguments[index]); use --only NAME or --scale F\n".utf8))
        exit(64)
    }
    index += 1
}

let scenarios: [(String, () throws -> [String])] = [
    ("merge", { [try MergeBenchmark(fields: Int(200_000 * scale)).run()] }),
    ("push", { [try PushBenchmark(changesPerBatch: 1_000).run()] }),
    ("wire", { [try WireBenchmark(changes: Int(10_000 * scale)).run()] }),
    ("initial-sync", { [try InitialSyncBenchmark(people: Int(100_000 * scale)).run()] }),
    ("api-read", { [try APIReadBenchmark(seconds: 5).run()] }),
    ("web", { [try WebBenchmark(connections: 32, pagesPerConnection: Int(100 * scale)).run()] }),
    ("rsvp-load", { try RSVPLoadBenchmark(connections: 32, rsvpsPerConnection: Int(50 * scale)).run() }),
]
for (name, run) in scenarios where only.isEmpty || only.contains(name) || (name == "rsvp-load" && only.contains("rss"))
{
    do {
        for line in try run() { print(line) }
    } catch {
        print("\(name): failed: \(error)")
    }
}
