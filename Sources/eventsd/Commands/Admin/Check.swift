import ArgumentParser

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List stored values that break their column's declaration (type, vocabulary, size), to repair them.",
        discussion: "Prints one line per value and exits 1 when it found any.")
    @Option(help: "The daemon's SQLite file.") var db: String

    func run() throws {
        let problems = try openDaemonReplica(path: db).storedValueProblems()
        guard !problems.isEmpty else { return print("Every stored value fits its column's declaration.") }
        for problem in problems { print(problem) }
        throw ExitCode(1)
    }
}
