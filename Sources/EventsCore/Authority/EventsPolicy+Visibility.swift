import Crypto
import Foundation
import GRDB
import Sync

extension EventsPolicy {
    /// Attendees receive the agendas they may see, co-chairs' and speakers' names and organizations, and their
    /// own invitations, RSVPs and signatures; never another person's email, RSVP or invitation. Organizers
    /// receive their events' full data; administrators everything.
    public func visibleChanges(_ changes: [Change], to principal: String, in pull: PullContext) throws -> [Change] {
        let rights = try rights(of: principal, in: pull)
        if rights.isAdmin { return changes }
        var access = ReadAccess(
            rights: rights, speakers: try visiblePeople(rights, in: pull), publicRecord: try publicRecord(in: pull),
            db: pull.db)
        return try changes.filter { try access.sees($0) }
    }

    public func viewVersion(of principal: String, in pull: PullContext) throws -> String {
        let rights = try rights(of: principal, in: pull)
        var hasher = SHA256()
        hasher.update(data: Data("\(rights.isAdmin)|\(rights.personID ?? "")".utf8))
        let sessions = Set(rights.invitedSessions.keys)
        let privateLinks = try JoinLink.sessionsNeedingSeat(
            in: rights.sees.union(rights.invitedSessions.values), db: pull.db)
        let sets = [
            rights.sees, rights.organizes, sessions, rights.roleSessions, rights.seatedSessions, privateLinks,
            try visiblePeople(rights, in: pull), rights.invitedEvents,
            try ChathamHouse.sessionsWithoutNames(for: rights, in: pull.db),
            try publicRecord(in: pull).declarations, try publicRecord(in: pull).signatures,
        ]
        for set in sets {
            hasher.update(data: Data((set.sorted().joined(separator: ",") + "|").utf8))
        }
        return hasher.finalize().prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    private func rights(of principal: String, in pull: PullContext) throws -> Rights {
        try pull.memo.value("rights:\(principal)") { try Rights.load(principal, in: pull.db) }
    }

    /// People with a role in a session the account may see, and signatories of published declarations: their
    /// names and organizations are public there.
    private func visiblePeople(_ rights: Rights, in pull: PullContext) throws -> Set<String> {
        try pull.memo.value("people:\(rights.accountID)") {
            try ReadAccess.speakers(visibleTo: rights, in: pull.db).union(publicRecord(in: pull).signatories)
        }
    }

    private func publicRecord(in pull: PullContext) throws -> PublicRecord {
        try pull.memo.value("public-record") { try PublicRecord.load(in: pull.db) }
    }
}
