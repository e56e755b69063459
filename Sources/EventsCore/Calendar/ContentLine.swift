/// One iCalendar content line (RFC 5545 §3.1): `NAME;PARAM=value:value`, folded at 75 octets and ended by CRLF.
struct ContentLine {
    var name: String
    var parameters: [(name: String, value: String)] = []
    var value: String

    /// A property whose value is TEXT, escaped so that no input can end the value or add a property.
    static func text(_ name: String, _ text: String, parameters: [(name: String, value: String)] = []) -> ContentLine {
        ContentLine(name: name, parameters: parameters, value: ICalendarText.escape(text))
    }

    /// A property whose value is a list of TEXT values, such as CATEGORIES.
    static func textList(_ name: String, _ texts: [String]) -> ContentLine {
        ContentLine(name: name, value: texts.map(ICalendarText.escape).joined(separator: ","))
    }

    func render() -> String {
        var line = name
        for parameter in parameters {
            line += ";\(parameter.name)=\(ICalendarText.parameterValue(parameter.value))"
        }
        line += ":" + value
        return ICalendarText.fold(line)
    }
}
