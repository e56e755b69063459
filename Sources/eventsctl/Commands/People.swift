import ArgumentParser
import EventsCore
import Foundation

struct Organizations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgs", abstract: "Governments, cities, organisations and companies.",
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an organization; prints its id.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Its name, such as 'Government of Ghana'.") var name: String
        @Option(help: "\(OrganizationKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: String
        @Option(help: "Country code.") var country: String?
        @Option(help: "For governments: developed or developing.") var status: String?

        func run() throws {
            print(
                try global.location.openStore().addOrganization(
                    name: name, kind: kind, country: country, developmentStatus: status))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List organizations.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let organizations = try global.location.openStore().organizations()
            if json { return try printJSON(organizations) }
            var table = TextTable(header: ["NAME", "KIND", "COUNTRY", "STATUS"])
            table.rows = organizations.map { [$0.name, $0.kind, $0.country ?? "", $0.developmentStatus ?? ""] }
            print(table.render())
        }
    }
}

struct People: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Participants.", subcommands: [Add.self, Import.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a person (or update the one with that email); prints the id.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Full name.") var name: String
        @Option(help: "Email address.") var email: String?
        @Option(help: "The organization's name.") var organization: String?
        @Option(help: "Country code.") var country: String?

        func run() throws {
            print(
                try global.location.openStore().addPerson(
                    name: name, email: email, organization: organization, country: country))
        }
    }

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

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List people.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() throws {
            let store = try global.location.openStore()
            let people = try store.people()
            if json { return try printJSON(people) }
            let organizations = Dictionary(uniqueKeysWithValues: try store.organizations().map { ($0.id, $0.name) })
            var table = TextTable(header: ["NAME", "EMAIL", "ORGANIZATION", "COUNTRY"])
            table.rows = people.map {
                [$0.name, $0.email ?? "", $0.organizationID.flatMap { organizations[$0] } ?? "", $0.country ?? ""]
            }
            print(table.render())
        }
    }
}

struct Invite: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Invite a person to an event or one of its sessions.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The event's slug.") var event: String
    @Option(help: "A session's id, to invite to that session only.") var session: String?
    @Option(help: "The person's email or id.") var person: String

    func run() throws {
        let home = global.location
        let inviter = try home.loadConfig()?.email
        print(try home.openStore().invite(eventSlug: event, sessionID: session, person: person, invitedBy: inviter))
    }
}

struct Uninvite: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Revoke a person's invitation to an event or one of its sessions.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The event's slug.") var event: String
    @Option(help: "The session's id, for an invitation to that session only.") var session: String?
    @Option(help: "The person's email or id.") var person: String

    func run() throws {
        try global.location.openStore().uninvite(eventSlug: event, sessionID: session, person: person)
    }
}
