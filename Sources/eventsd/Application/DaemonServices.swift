/// What the routes share besides the store: built once by the application, handed to the controllers.
struct DaemonServices: Sendable {
    let metrics: DaemonMetrics
    let database: DatabaseThreads

    init(metrics: DaemonMetrics = DaemonMetrics(), database: DatabaseThreads = DatabaseThreads()) {
        self.metrics = metrics
        self.database = database
    }
}
