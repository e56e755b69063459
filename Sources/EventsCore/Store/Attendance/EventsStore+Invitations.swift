import Sync

extension EventsStore {
    public func editInvitation(id: String, invitedBy: String?) throws {
        try write { write in
            try Self.requireRow(EventsTable.invitations.name, id: id, in: write)
            guard let invitedBy else { return }
            try write.update(EventsTable.invitations.name, id: id, values: ["invited_by": Self.optionalText(invitedBy)])
        }
    }

    /// Invites a person to an event or one of its sessions; inviting twice, even from two laptops offline, is
    /// one invitation.
    @discardableResult
    public func invite(eventSlug: String, sessionID: String? = nil, person reference: String, invitedBy: String? = nil)
        throws -> String
    {
        try write { write in
            let event = try visibleEvent(eventSlug, in: write.db)
            if let sessionID {
                let session = try Self.session(id: sessionID, in: write.db)
                guard session.eventID == event.id else {
                    throw EventsError.sessionOfAnotherEvent(session: sessionID, event: eventSlug)
                }
            }
            let person = try Self.person(reference, in: write.db)
            let id = RowID.invitation(event: event.id, session: sessionID, person: person.id)
            if refusesExisting, try write.exists(in: EventsTable.invitations.name, id: id) {
                try write.authorize(EventsTable.invitations.name, id: id, columns: ["invited_by"])
                throw EventsError.duplicate(kind: "invitation", key: id)
            }
            return try Self.invite(
                &write, eventID: event.id, sessionID: sessionID, personID: person.id, invitedBy: invitedBy)
        }
    }

    /// Revokes a person's invitation to an event (or one of its sessions); the daemon re-decides their seats.
    public func uninvite(eventSlug: String, sessionID: String? = nil, person reference: String) throws {
        let id = try replica.read { db in
            let event = try visibleEvent(eventSlug, in: db)
            return RowID.invitation(event: event.id, session: sessionID, person: try Self.person(reference, in: db).id)
        }
        try deleteInvitation(id: id)
    }

    static func invite(
        _ write: inout LocalWrite, eventID: String, sessionID: String?, personID: String, invitedBy: String?
    ) throws -> String {
        let id = RowID.invitation(event: eventID, session: sessionID, person: personID)
        if try !write.exists(in: EventsTable.invitations.name, id: id) {
            try write.insert(
                into: EventsTable.invitations.name, id: id,
                values: [
                    "event_id": .text(eventID), "session_id": sessionID.map(SyncValue.text) ?? .null,
                    "person_id": .text(personID), "invited_by": invitedBy.map(SyncValue.text) ?? .null,
                ])
        }
        return id
    }

    public func deleteInvitation(id: String) throws { try delete(EventsTable.invitations.name, id: id) }
}
