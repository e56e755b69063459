import Foundation
import GRDB
import Sync

extension EventsStore {
    public func signature(id: String) throws -> Signature {
        try replica.read { db in
            guard
                let signature = try Signature.fetchOne(
                    db, sql: "SELECT * FROM signatures WHERE id = ?", arguments: [id])
            else {
                throw EventsError.notFound(kind: "signature", key: id)
            }
            return signature
        }
    }

    /// Adds a declaration to sign, such as a Call to Action.
    @discardableResult
    public func addDeclaration(eventSlug: String, title: String, text: String? = nil, key: String? = nil) throws
        -> String
    {
        let title = try Self.required(title, "declaration title")
        return try write { write in
            let event = try visibleEvent(eventSlug, in: write.db)
            let id = RowID.declaration(event: event.id, key: key ?? title)
            try upsert(
                &write, table: .declarations, id: id,
                values: [.eventID: .text(event.id), .title: .text(title), .text: text.map(SyncValue.text) ?? .null])
            return id
        }
    }

    public func declarations(eventSlug: String) throws -> [Declaration] {
        try replica.read { db in
            let event = try visibleEvent(eventSlug, in: db)
            return try Declaration.fetchAll(
                db, sql: "SELECT * FROM declarations WHERE event_id = ? ORDER BY title", arguments: [event.id])
        }
    }

    /// Signs a declaration (by id or exact title), optionally with a reservation; signing again updates it.
    @discardableResult
    public func sign(declaration reference: String, person: String, reservation: String? = nil) throws -> String {
        try write { write in
            guard
                let declaration = try Declaration.fetchOne(
                    write.db,
                    sql: "SELECT * FROM declarations WHERE id = ? OR title = ? COLLATE NOCASE ORDER BY id LIMIT 1",
                    arguments: [reference, reference])
            else { throw EventsError.notFound(kind: "declaration", key: reference) }
            try requireVisible(
                EventsTable.declarations.name, id: declaration.id, in: write.db,
                otherwise: .notFound(kind: "declaration", key: reference))
            let signer = try Self.person(person, in: write.db)
            let reservation = reservation?.trimmingCharacters(in: .whitespacesAndNewlines)
            let id = RowID.signature(declaration: declaration.id, person: signer.id)
            try upsert(
                &write, table: .signatures, id: id,
                values: [
                    .declarationID: .text(declaration.id), .personID: .text(signer.id),
                    .reservation: reservation.flatMap { $0.isEmpty ? nil : SyncValue.text($0) } ?? .null,
                    .signedAt: .text(Instant.format(Date())),
                ])
            return id
        }
    }

    public func signatures(declarationID: String) throws -> [Signature] {
        try replica.read { db in
            try Signature.fetchAll(
                db, sql: "SELECT * FROM signatures WHERE declaration_id = ? ORDER BY signed_at, id",
                arguments: [declarationID])
        }
    }

    public func editDeclaration(id: String, title: String?, text: String?) throws {
        try write { write in
            try Self.requireRow(.declarations, id: id, in: write)
            var values: [EventsColumn: SyncValue] = [:]
            if let title { values[.title] = .text(try Self.required(title, "declaration title")) }
            if let text {
                values[.text] = try Self.optionalText(text, "declaration text", fitting: EventsSchema.declarationText)
            }
            try write.update(.declarations, id: id, values: values)
        }
    }

    public func deleteDeclaration(id: String) throws { try delete(.declarations, id: id) }

    public func deleteSignature(id: String) throws { try delete(.signatures, id: id) }
}
