import Foundation
import GRDB
import Sync

extension EventsStore {
    /// Records a member of the public's signature, pending an organizer's decision; only a published declaration
    /// open to public signature takes one. The same name and affiliation again is the same signature: while
    /// pending it is answered as it stands, once decided the decision stands. A declaration `reader` may not see
    /// is not found; one it sees but that takes no signature from the public is refused as such.
    public func submitPublicSignature(
        declaration id: String, _ form: PublicSignatureForm, seenBy reader: String = anonymousReader
    ) throws -> Signature {
        let name = try Self.required(form.name, "signatory's name")
        let affiliation = try Self.required(form.affiliation, "affiliation", fitting: EventsSchema.affiliation)
        let email = form.email.map(EmailAddress.canonical).flatMap { $0.isEmpty ? nil : $0 }
        if let email, !email.looksLikeEmail { throw EventsError.invalidEmail(email) }
        let reservation =
            try form.reservation.map { try Self.optionalText($0, "reservation", fitting: EventsSchema.longText) }
            ?? .null
        return try write { write in
            let declaration = try Self.openDeclaration(id, seenBy: reader, in: write.db)
            let person = RowID.signatory(name: name, affiliation: affiliation)
            let signatureID = RowID.signature(declaration: declaration.id, person: person)
            if let existing = try Self.signature(signatureID, in: write.db) {
                guard existing.status == .pending else { throw EventsError.signatureDecided }
                return existing
            }
            if try !write.exists(in: .people, id: person) {
                try write.insert(
                    into: .people, id: person, values: [.name: .text(name), .affiliation: .text(affiliation)])
            }
            try upsert(
                &write, table: .signatures, id: signatureID,
                values: [
                    .declarationID: .text(declaration.id), .personID: .text(person),
                    .status: .text(SignatureStatus.pending.rawValue),
                    .signatoryList: .text(SignatoryList.public.rawValue), .reservation: reservation,
                    .reserves: .integer(reservation == .null ? 0 : 1),
                    .contactEmail: email.map(SyncValue.text) ?? .null, .signedAt: .text(Instant.format(Date())),
                ])
            guard let stored = try Self.signature(signatureID, in: write.db) else {
                throw EventsError.notFound(kind: "signature", key: signatureID)
            }
            return stored
        }
    }

    /// Records an approved signatory known by name and affiliation (one of the record), in one of the lists.
    @discardableResult
    public func recordSignatory(
        declaration id: String, name: String, affiliation: String, list: SignatoryList, reserves: Bool
    ) throws -> String {
        let name = try Self.required(name, "signatory's name")
        let affiliation = try Self.required(affiliation, "affiliation", fitting: EventsSchema.affiliation)
        return try write { write in
            try Self.requireRow(.declarations, id: id, in: write)
            let person = RowID.signatory(name: name, affiliation: affiliation)
            try upsert(
                &write, table: .people, id: person, values: [.name: .text(name), .affiliation: .text(affiliation)])
            let signature = RowID.signature(declaration: id, person: person)
            try upsert(
                &write, table: .signatures, id: signature,
                values: [
                    .declarationID: .text(id), .personID: .text(person),
                    .status: .text(SignatureStatus.approved.rawValue), .signatoryList: .text(list.rawValue),
                    .reserves: .integer(reserves ? 1 : 0), .reservation: .null, .contactEmail: .null, .signedAt: .null,
                ])
            return signature
        }
    }

    /// Approves or rejects a signature of the declaration: approved, it is listed; rejected, it never is.
    public func decideSignature(declaration reference: String, signature id: String, approve: Bool) throws {
        try write { write in
            let declaration = try visibleDeclaration(reference, in: write.db)
            guard try Self.signature(id, in: write.db)?.declarationID == declaration.id else {
                throw EventsError.notFound(kind: "signature of \(declaration.title)", key: id)
            }
            let status: SignatureStatus = approve ? .approved : .rejected
            try write.update(.signatures, id: id, values: [.status: .text(status.rawValue)])
        }
    }

    /// The declaration's signatories as published: named and approved public ones, by surname.
    public func signatories(declaration reference: String) throws -> Signatories {
        try replica.read { db in
            let declaration = try visibleDeclaration(reference, in: db)
            if actor?.principal == Self.anonymousReader, !declaration.published {
                throw EventsError.notFound(kind: "declaration", key: reference)
            }
            let listed = try readableSignatories(of: declaration.id, in: db).filter { $0.signature.status == .approved }
            func list(_ which: SignatoryList) -> [Signatory] {
                listed.filter { $0.signature.signatoryList == which }.map { entry in
                    var signatory = entry.signatory
                    signatory.signedAt = nil
                    signatory.contactEmail = nil
                    return signatory
                }.sorted(by: Signatory.listOrder)
            }
            return Signatories(
                declarationID: declaration.id, title: declaration.title, named: list(.named), public: list(.public),
                footnote: Signatories.footnote)
        }
    }

    /// Public signatures awaiting a decision, oldest first.
    public func pendingSignatures(declaration reference: String) throws -> [Signatory] {
        try replica.read { db in
            let declaration = try visibleDeclaration(reference, in: db)
            return try readableSignatories(of: declaration.id, in: db).filter { $0.signature.status == .pending }
                .sorted {
                    ($0.signature.signedAt ?? "", $0.signature.id) < ($1.signature.signedAt ?? "", $1.signature.id)
                }
                .map(\.signatory)
        }
    }

    /// The declaration's signatures the acting account may read, each with its signatory's name and affiliation
    /// (their own, or their organization's name).
    private func readableSignatories(of declaration: String, in db: Database) throws
        -> [(signature: Signature, signatory: Signatory)]
    {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT s.*, p.name AS signatory_name, coalesce(p.affiliation, o.name) AS signatory_affiliation
                FROM signatures s JOIN people p ON p.id = s.person_id LEFT JOIN organizations o ON o.id = p.organization_id
                WHERE s.declaration_id = ?
                """,
            arguments: [declaration])
        var access = try actor.map { try ReadAccess(principal: $0.principal, in: db) }
        let table = EventsTable.signatures.name
        var readable: [(signature: Signature, signatory: Signatory)] = []
        for row in rows {
            let signature = try Signature(row: row)
            if try access?.sees(table: table, row: signature.id, column: nil) == false { continue }
            let contact =
                try access?.sees(table: table, row: signature.id, column: EventsColumn.contactEmail.name) ?? true
            readable.append(
                (
                    signature,
                    Signatory(
                        signatureID: signature.id, name: row["signatory_name"] ?? "",
                        affiliation: row["signatory_affiliation"],
                        reserves: signature.reserves, reservation: signature.reservation, status: signature.status,
                        signedAt: signature.signedAt, contactEmail: contact ? signature.contactEmail : nil)
                ))
        }
        return readable
    }

    private static func signature(_ id: String, in db: Database) throws -> Signature? {
        try Signature.fetchOne(db, sql: "SELECT * FROM signatures WHERE id = ?", arguments: [id])
    }

    /// A published declaration open to public signature. One unpublished is not found, as if it did not exist,
    /// unless the reader is an account that may see it.
    private static func openDeclaration(_ id: String, seenBy reader: String, in db: Database) throws -> Declaration {
        guard
            let declaration = try Declaration.fetchOne(
                db, sql: "SELECT * FROM declarations WHERE id = ?", arguments: [id]),
            try declaration.published || reader != anonymousReader && mayRead(declaration, reader: reader, in: db)
        else { throw EventsError.notFound(kind: "declaration", key: id) }
        guard declaration.published, declaration.publicSigning else {
            throw EventsError.notOpenForSignature(declaration.title)
        }
        return declaration
    }

    private static func mayRead(_ declaration: Declaration, reader: String, in db: Database) throws -> Bool {
        var access = try ReadAccess(principal: reader, in: db)
        return try access.sees(table: EventsTable.declarations.name, row: declaration.id, column: nil)
    }
}
