import Foundation

/// The form that shows an agenda in another zone: works without JavaScript (`?tz=ZONE`); `zone.js` adds a
/// button for the viewer's own zone.
struct ZoneControl {
    struct Option {
        var name: String
        var selected: Bool
    }

    var action: String
    var shown: String
    var eventZone: String
    var isEventZone: Bool
    var options: [Option]

    init(action: String, shown: TimeZone, eventZone: TimeZone, zones: [String]) {
        self.action = action
        self.shown = shown.identifier
        self.eventZone = eventZone.identifier
        isEventZone = shown.identifier == eventZone.identifier
        let names = zones.contains(shown.identifier) ? zones : ([shown.identifier] + zones)
        options = names.map { Option(name: $0, selected: $0 == shown.identifier) }
    }

    /// The query that keeps a zone other than the event's on the links of the page.
    static func query(shown: TimeZone, eventZone: TimeZone) -> String {
        guard shown.identifier != eventZone.identifier else { return "" }
        return "?tz=" + (shown.identifier.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")
    }
}
