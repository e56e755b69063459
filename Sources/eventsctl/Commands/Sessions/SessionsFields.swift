import ArgumentParser
import EventsCore

extension Sessions {
    /// The optional fields both `add` and `edit` take.
    struct Fields: ParsableArguments {
        @Option(help: "The room.") var room: String?
        @Option(help: "plenary, roundtable, panel, workshop, side-event, webinar or break.") var format: String?
        @Option(help: "The segment's name, such as 'Civil Society Days'.") var segment: String?
        @Option(help: "Seats, a positive number.") var capacity: Int?
        @Option(help: "The webinar's join link.") var joinUrl: String?
        @Option(help: "The recording's link.") var recordingUrl: String?
        @Option(help: "A description.") var description: String?
        @Flag(inversion: .prefixedNo, help: "Only invitees may RSVP.") var invitationOnly: Bool? = nil
        @Flag(inversion: .prefixedNo, help: "Held under the Chatham House Rule: names only for participants.")
        var chathamHouse: Bool? = nil
        @Option(help: "Minutes per statement on its list of speakers (default 5).") var statementMinutes: Int?

        func draft(title: String?, start: String?, end: String?) -> SessionDraft {
            SessionDraft(
                title: title, format: format, start: start, end: end, room: room, segment: segment, joinURL: joinUrl,
                recordingURL: recordingUrl, capacity: capacity, invitationOnly: invitationOnly,
                description: description,
                chathamHouse: chathamHouse, statementMinutes: statementMinutes)
        }

        var isEmpty: Bool {
            room == nil && format == nil && segment == nil && capacity == nil && joinUrl == nil && recordingUrl == nil
                && description == nil && invitationOnly == nil && chathamHouse == nil && statementMinutes == nil
        }
    }
}
