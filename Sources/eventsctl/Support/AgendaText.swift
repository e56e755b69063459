import EventsCore

/// The agenda as a person reads it in a terminal.
struct AgendaText {
    let agenda: Agenda

    func render() -> String {
        let event = agenda.event
        let zone = event.timeZone
        var lines = [event.title]
        let place = [event.venue, event.city].compactMap { $0 }.joined(separator: ", ")
        lines.append(
            "\(place.isEmpty ? "" : place + " · ")\(event.startsOn) to \(event.endsOn) · times in \(event.timezone)")
        if !agenda.observers.isEmpty { lines.append("Observers: \(agenda.observers.joined(separator: ", "))") }
        var day = ""
        for item in agenda.items {
            let session = item.session
            let thisDay = Instant.display(session.startsAt, in: zone, pattern: "EEEE d MMMM yyyy")
            if thisDay != day {
                day = thisDay
                lines += ["", thisDay]
            }
            let time = Instant.timeRange(from: session.startsAt, to: session.endsAt, in: zone)
            let title = session.isCancelled ? "CANCELLED: \(session.title)" : session.title
            lines.append("  \(time)  \(title)")
            let online =
                session.joinURL.map { "join: \($0)" }
                ?? (item.joinRequiresSeat && session.format == .webinar
                    ? "online: register to receive the link" : nil)
            let details = [session.format.rawValue, session.room, item.segment, online].compactMap { $0 }
            lines.append("               " + details.joined(separator: " · "))
            for group in Dictionary(grouping: item.people, by: \.role).sorted(by: { order($0.key) < order($1.key) }) {
                let names = group.value.map { person in
                    person.organization.map { "\(person.name) (\($0))" } ?? person.name
                }
                lines.append("               \(label(group.key, count: names.count)): \(names.joined(separator: ", "))")
            }
            if session.chathamHouse { lines.append("               \(Session.chathamHouseNotice)") }
            for document in item.documents {
                lines.append(
                    "               Paper: \(document.title)\(document.language.map { " [\($0)]" } ?? "") \(document.url)"
                )
            }
            if let rsvp = item.rsvp {
                let decision =
                    rsvp.decision.map { " — \($0.rawValue)\(rsvp.decisionReason.map { ": \($0)" } ?? "")" }
                    ?? " — awaiting the daemon"
                lines.append("               Your RSVP: \(rsvp.response)\(decision)")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func order(_ role: String) -> Int {
        ["co-chair", "moderator", "speaker", "rapporteur"].firstIndex(of: role) ?? 9
    }

    private func label(_ role: String, count: Int) -> String {
        let words = [
            "co-chair": "Co-chair", "moderator": "Moderator", "speaker": "Speaker", "rapporteur": "Rapporteur",
        ]
        let word = words[role] ?? role
        return count > 1 ? word + "s" : word
    }
}
