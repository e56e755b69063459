import GRDB
import Sync

/// A person as a command writes them: name required, email checked and in its one canonical form, the
/// organization found by name. The id derives from the email, or without one from the name and organization,
/// so adding or importing the same person twice is one row.
struct PersonRow {
    let id: String
    let values: [EventsColumn: SyncValue]

    init(name: String, email: String?, organization: String?, country: String?, in db: Database) throws {
        let name = try EventsStore.required(name, "person's name")
        let email = email.map(EmailAddress.canonical).flatMap { $0.isEmpty ? nil : $0 }
        if let email, !email.looksLikeEmail {
            throw EventsError.invalidEmail(email)
        }
        let organizationID = try organization.map { try EventsStore.organizationID($0, in: db) }
        id = email.map { RowID.person(email: $0) } ?? RowID.personWithoutEmail(name: name, organization: organizationID)
        values = [
            .name: .text(name), .email: email.map(SyncValue.text) ?? .null,
            .organizationID: organizationID.map(SyncValue.text) ?? .null,
            .country: try country.map { try EventsStore.optionalText($0, "country") } ?? .null,
        ]
    }

    init(_ record: CSVTable.Record, in db: Database) throws {
        try self.init(
            name: record["name"] ?? "", email: record["email"], organization: record["organization"],
            country: record["country"], in: db)
    }

    /// Whether writing this changes the stored row (`name, email, organization_id, country`).
    func differs(from stored: Row) -> Bool {
        [EventsColumn.name, .email, .organizationID, .country].contains { column in
            (SyncValue.fromDatabaseValue(stored[column] as DatabaseValue) ?? .null) != values[column]
        }
    }
}
