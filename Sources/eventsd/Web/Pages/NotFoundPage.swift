/// The page of a path that names nothing the public may see: the same answer whether it exists or not.
struct NotFoundPage {
    var heading = "Page not found"
    var message: String
}
