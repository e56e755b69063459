/// The page of a request the pages cannot answer: a path that names nothing the public may see (the same answer
/// whether it exists or not), or a query that names no time zone.
struct RefusalPage {
    var heading: String
    var message: String

    static func notFound(_ message: String) -> RefusalPage {
        RefusalPage(heading: "Page not found", message: message)
    }
}
