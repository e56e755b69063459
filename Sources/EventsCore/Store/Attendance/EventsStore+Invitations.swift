import Sync

extension EventsStore {
    public func editInvitation(id: String, invitedBy: String?) throws {
        try write { write in
            try Self.requireRow(.invitations, id: id, in: write)
            guard let invitedBy else { return }
            try write.update(.invitations, id: id, values: [.invitedBy: try Self.optionalText(invitedBy, "inviter")])
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
            if refusesExisting, try write.exists(in: .invitations, id: id) {
                try write.authorize(.invitations, id: id, columns: [.invitedBy])
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
        if try !write.exists(in: .invitations, id: id) {
            try write.insert(
                into: .invitations, id: id,
                values: [
                    .eventID: .text(eventID), .sessionID: sessionID.map(SyncValue.text) ?? .null,
                    .personID: .text(personID), .invitedBy: invitedBy.map(SyncValue.text) ?? .null,
                ])
        }
        return id
    }

    public func deleteInvitation(id: String) throws { try delete(.invitations, id: id) }
}
