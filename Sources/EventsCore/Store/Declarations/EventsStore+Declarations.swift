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

    /// Adds a declaration to sign, such as a Call to Action, or without an event a convention open for signature
    /// (administrators manage those). Published, its signatories are public; open to public signature, anyone may
    /// sign through the daemon's form.
    @discardableResult
    public func addDeclaration(
        eventSlug: String?, title: String, text: String? = nil, key: String? = nil, published: Bool = false,
        publicSigning: Bool = false
    ) throws -> String {
        let title = try Self.required(title, "declaration title")
        return try write { write in
            let event = try eventSlug.map { try visibleEvent($0, in: write.db) }
            let id = RowID.declaration(event: event?.id, key: key ?? title)
            try upsert(
                &write, table: .declarations, id: id,
                values: [
                    .eventID: event.map { .text($0.id) } ?? .null, .title: .text(title),
                    .text: try text.map {
                        try Self.optionalText($0, "declaration text", fitting: EventsSchema.declarationText)
                    } ?? .null,
                    .published: .integer(published ? 1 : 0), .publicSigning: .integer(publicSigning ? 1 : 0),
                ])
            return id
        }
    }

    /// The event's declarations, or with no event every declaration this replica holds.
    public func declarations(eventSlug: String?) throws -> [Declaration] {
        try replica.read { db in
            guard let eventSlug else {
                return try Declaration.fetchAll(db, sql: "SELECT * FROM declarations ORDER BY title, id")
            }
            let event = try visibleEvent(eventSlug, in: db)
            return try Declaration.fetchAll(
                db, sql: "SELECT * FROM declarations WHERE event_id = ? ORDER BY title", arguments: [event.id])
        }
    }

    /// Signs a declaration (by id or exact title), optionally with a reservation; signing again updates it. Someone
    /// who takes part in its event is a named signatory at once; anyone else signs a published declaration as a
    /// member of the public, pending the organizers' approval.
    @discardableResult
    public func sign(declaration reference: String, person: String, reservation: String? = nil) throws -> String {
        try write { write in
            let declaration = try visibleDeclaration(reference, in: write.db)
            let signer = try Self.person(person, in: write.db)
            let reservation = reservation?.trimmingCharacters(in: .whitespacesAndNewlines)
            let id = RowID.signature(declaration: declaration.id, person: signer.id)
            var values: [EventsColumn: SyncValue] = [
                .declarationID: .text(declaration.id), .personID: .text(signer.id),
                .reservation: reservation.flatMap { $0.isEmpty ? nil : SyncValue.text($0) } ?? .null,
                .reserves: .integer(reservation == nil ? 0 : 1), .signedAt: .text(Instant.format(Date())),
            ]
            if try !write.exists(in: .signatures, id: id), try !takesPart(in: declaration, db: write.db) {
                values[.status] = .text(SignatureStatus.pending.rawValue)
                values[.signatoryList] = .text(SignatoryList.public.rawValue)
            }
            try upsert(&write, table: .signatures, id: id, values: values)
            return id
        }
    }

    /// Whether the acting account (on a laptop: the replica, which holds only the events it sees) sees the
    /// declaration's event.
    private func takesPart(in declaration: Declaration, db: Database) throws -> Bool {
        guard let event = declaration.eventID else { return false }
        return (try? visibleEvent(event, in: db)) != nil
    }

    /// A declaration by id or exact title.
    public func declaration(_ reference: String) throws -> Declaration {
        try replica.read { db in try visibleDeclaration(reference, in: db) }
    }

    public func signatures(declarationID: String) throws -> [Signature] {
        try replica.read { db in
            try Signature.fetchAll(
                db, sql: "SELECT * FROM signatures WHERE declaration_id = ? ORDER BY signed_at, id",
                arguments: [declarationID])
        }
    }

    public func editDeclaration(id: String, _ changes: DeclarationChanges) throws {
        try write { write in
            try Self.requireRow(.declarations, id: id, in: write)
            var values: [EventsColumn: SyncValue] = [:]
            if let title = changes.title { values[.title] = .text(try Self.required(title, "declaration title")) }
            if let text = changes.text {
                values[.text] = try Self.optionalText(text, "declaration text", fitting: EventsSchema.declarationText)
            }
            if let published = changes.published { values[.published] = .integer(published ? 1 : 0) }
            if let open = changes.publicSigning { values[.publicSigning] = .integer(open ? 1 : 0) }
            try write.update(.declarations, id: id, values: values)
        }
    }

    public func deleteDeclaration(id: String) throws { try delete(.declarations, id: id) }

    public func deleteSignature(id: String) throws { try delete(.signatures, id: id) }

    /// A declaration by id or exact title (case aside) that the acting account may read.
    func visibleDeclaration(_ reference: String, in db: Database) throws -> Declaration {
        guard
            let declaration = try Declaration.fetchOne(
                db,
                sql:
                    "SELECT * FROM declarations WHERE id = ? OR title = ? COLLATE NOCASE ORDER BY id = ? DESC, id LIMIT 1",
                arguments: [reference, reference, reference])
        else { throw EventsError.notFound(kind: "declaration", key: reference) }
        try requireVisible(
            EventsTable.declarations.name, id: declaration.id, in: db,
            otherwise: .notFound(kind: "declaration", key: reference))
        return declaration
    }
}

/// The fields of a declaration to change.
public struct DeclarationChanges: Sendable {
    public var title: String?
    public var text: String?
    public var published: Bool?
    public var publicSigning: Bool?

    public init(title: String? = nil, text: String? = nil, published: Bool? = nil, publicSigning: Bool? = nil) {
        self.title = title
        self.text = text
        self.published = published
        self.publicSigning = publicSigning
    }
}
