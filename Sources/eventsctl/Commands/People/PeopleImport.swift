import ArgumentParser
import EventsCore
import Foundation

extension People {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import people from a CSV file with a header name,email,organization,country; nothing is imported from a file with invalid rows."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(help: "Import the valid rows and list the others as skipped, instead of importing nothing.")
        var skipInvalid = false

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError.unreadableFile(file) }
            let report = try global.location.openStore().importPeople(
                csv: String(decoding: data, as: UTF8.self), skipInvalid: skipInvalid)
            for line in report.skipped { FileHandle.standardError.write(Data("skipped: \(line)\n".utf8)) }
            print(
                "Imported \(report.created + report.updated) people (\(report.created) created, \(report.updated) updated, "
                    + "\(report.unchanged) unchanged, \(report.skipped.count) skipped).")
        }
    }
}
