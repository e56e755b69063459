import GRDB
import Sync

/// Who may change what, judged by the daemon on the result of every write (pushed or through the API) against
/// the rights the account had before it: administrators anything; an event's organizers its event, segments,
/// rooms, sessions, roles, invitations and declarations, people and organizations; co-chairs their session's
/// title, description and links; every person their own RSVP response and signature, which nobody else forges.
/// Seat decisions are the daemon's alone.
public struct EventsPolicy: SyncPolicy {
    public init() {}

    public func judge(for principal: String, in db: Database) throws -> any RowJudge {
        EventsJudge(rights: try Rights.load(principal, in: db))
    }
}
