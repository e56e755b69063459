import Foundation
import GRDB
import Sync

/// Changes to rows after they were created. `nil` leaves a field as it is; an empty text clears an optional one.
extension EventsStore {
    public func editEvent(id: String, _ changes: EventChanges) throws {
        try write { write in
            let current = try Self.event(id: id, in: write.db)
            if let slug = changes.slug, slug != current.slug {
                throw EventsError.unchangeable(field: "slug", kind: "event")
            }
            let draft = changes.applied(to: current)
            try Self.validate(draft)
            try write.update(EventsTable.events.name, id: id, values: draft.values)
        }
    }

    public func editSegment(id: String, name: String?, startsOn: String?, endsOn: String?) throws {
        try write { write in
            try Self.requireRow(EventsTable.segments.name, id: id, in: write)
            var values: [String: SyncValue] = [:]
            if let name { values["name"] = .text(try Self.required(name, "segment name")) }
            for (column, date) in [("starts_on", startsOn), ("ends_on", endsOn)] {
                guard let date else { continue }
                guard date.isEmpty || Instant.parse(date + "T00:00") != nil else { throw EventsError.invalidTime(date) }
                values[column] = Self.optionalText(date)
            }
            try write.update(EventsTable.segments.name, id: id, values: values)
        }
    }

    public func editRoom(id: String, name: String?, capacity: Int?) throws {
        try write { write in
            try Self.requireRow(EventsTable.rooms.name, id: id, in: write)
            var values: [String: SyncValue] = [:]
            if let name { values["name"] = .text(try Self.required(name, "room name")) }
            if let capacity {
                guard capacity > 0 else { throw EventsError.invalidCapacity(capacity) }
                values["capacity"] = .integer(Int64(capacity))
            }
            try write.update(EventsTable.rooms.name, id: id, values: values)
            try RoomLink.followRoom(id, writer: &write)
        }
    }

    public func editOrganization(id: String, name: String?, kind: String?, country: String?, developmentStatus: String?)
        throws
    {
        try write { write in
            guard
                let current = try Organization.fetchOne(
                    write.db, sql: "SELECT * FROM organizations WHERE id = ?", arguments: [id])
            else {
                throw EventsError.notFound(kind: "organization", key: id)
            }
            let kind = try OrganizationKind.parse(kind ?? current.kind, field: "organization kind")
            let status = try (developmentStatus ?? current.developmentStatus).flatMap {
                $0.isEmpty ? nil : try DevelopmentStatus.parse($0, field: "development status")
            }
            if status != nil, kind != .government {
                throw EventsError.invalid(
                    "Only governments are developed or developing; '\(current.name)' is \(kind.rawValue).")
            }
            var values: [String: SyncValue] = [
                "kind": .text(kind.rawValue), "development_status": status.map { .text($0.rawValue) } ?? .null,
            ]
            if let name { values["name"] = .text(try Self.required(name, "organization name")) }
            if let country { values["country"] = Self.optionalText(country) }
            try write.update(EventsTable.organizations.name, id: id, values: values)
        }
    }

    /// Changes a person's name, organization (by id or name) or country; the email identifies them and stays.
    public func editPerson(id: String, name: String?, organization: String?, country: String?) throws {
        try write { write in
            try Self.requireRow(EventsTable.people.name, id: id, in: write)
            var values: [String: SyncValue] = [:]
            if let name { values["name"] = .text(try Self.required(name, "person's name")) }
            if let organization {
                values["organization_id"] =
                    organization.isEmpty ? .null : .text(try Self.organizationID(organization, in: write.db))
            }
            if let country { values["country"] = Self.optionalText(country) }
            try write.update(EventsTable.people.name, id: id, values: values)
        }
    }

    public func editRole(id: String, position: Int?) throws {
        try write { write in
            try Self.requireRow(EventsTable.sessionRoles.name, id: id, in: write)
            guard let position else { return }
            guard position > 0 else { throw EventsError.invalid("A position counts from 1, not \(position).") }
            try write.update(EventsTable.sessionRoles.name, id: id, values: ["position": .integer(Int64(position))])
        }
    }

    public func editInvitation(id: String, invitedBy: String?) throws {
        try write { write in
            try Self.requireRow(EventsTable.invitations.name, id: id, in: write)
            guard let invitedBy else { return }
            try write.update(EventsTable.invitations.name, id: id, values: ["invited_by": Self.optionalText(invitedBy)])
        }
    }

    public func editDeclaration(id: String, title: String?, text: String?) throws {
        try write { write in
            try Self.requireRow(EventsTable.declarations.name, id: id, in: write)
            var values: [String: SyncValue] = [:]
            if let title { values["title"] = .text(try Self.required(title, "declaration title")) }
            if let text { values["text"] = Self.optionalText(text) }
            try write.update(EventsTable.declarations.name, id: id, values: values)
        }
    }

    static func organizationID(_ reference: String, in db: Database) throws -> String {
        guard
            let id = try String.fetchOne(
                db, sql: "SELECT id FROM organizations WHERE name = ? COLLATE NOCASE OR id = ?",
                arguments: [reference, reference])
        else { throw EventsError.notFound(kind: "organization", key: reference) }
        return id
    }
}
