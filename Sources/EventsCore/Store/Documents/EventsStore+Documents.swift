import GRDB
import Sync

extension EventsStore {
    /// Adds a working paper or other document to a session, by link; adding the same link again changes its title
    /// and language. Returns its id.
    @discardableResult
    public func addDocument(sessionID: String, title: String, url: String, language: String? = nil) throws -> String {
        let title = try Self.required(title, "document title", fitting: EventsSchema.title)
        let link = try Self.link(url)
        let language = try language.map { try Self.optionalText($0, "language", fitting: EventsSchema.languageTag) }
        return try write { write in
            let session = try Self.session(id: sessionID, in: write.db)
            try requireVisible(
                EventsTable.sessions.name, id: session.id, in: write.db, otherwise: .sessionNotFound(sessionID))
            let id = RowID.document(session: session.id, url: link)
            try upsert(
                &write, table: .documents, id: id,
                values: [
                    .sessionID: .text(session.id), .title: .text(title), .url: .text(link),
                    .language: language ?? .null,
                ])
            return id
        }
    }

    /// Changes a document's title or language (`nil` leaves a field, an empty language clears it). Its link is
    /// what it is: another link is another document.
    public func editDocument(id: String, title: String?, language: String?) throws {
        var values: [EventsColumn: SyncValue] = [:]
        if let title { values[.title] = .text(try Self.required(title, "document title", fitting: EventsSchema.title)) }
        if let language {
            values[.language] = try Self.optionalText(language, "language", fitting: EventsSchema.languageTag)
        }
        try write { write in
            try Self.requireRow(.documents, id: id, in: write)
            try write.update(.documents, id: id, values: values)
        }
    }

    public func removeDocument(id: String) throws { try delete(.documents, id: id) }

    /// A session's documents, by title.
    public func documents(sessionID: String) throws -> [Document] {
        try replica.read { db in
            let session = try Self.session(id: sessionID, in: db)
            try requireVisible(
                EventsTable.sessions.name, id: session.id, in: db, otherwise: .sessionNotFound(sessionID))
            return try Self.documents(ofSession: session.id, in: db)
        }
    }

    static func documents(ofSession sessionID: String, in db: Database) throws -> [Document] {
        try Document.fetchAll(
            db, sql: "SELECT * FROM documents WHERE session_id = ? ORDER BY title, id", arguments: [sessionID])
    }
}
