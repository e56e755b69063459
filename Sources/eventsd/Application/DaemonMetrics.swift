import Metrics
import Prometheus
import Sync

/// The daemon's Prometheus registry and its sync counters, read at `/metrics`. Each application has its own;
/// the serving process also makes it swift-metrics' backend, where Hummingbird counts requests and latencies.
struct DaemonMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    private let batches: Metrics.Counter
    private let pulls: Metrics.Counter
    private let changesSent: Metrics.Counter
    private let changesByOutcome: [String: Metrics.Counter]

    init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        let factory = PrometheusMetricsFactory(registry: registry)
        self.registry = registry
        batches = Metrics.Counter(label: "eventsd_sync_batches_total", factory: factory)
        pulls = Metrics.Counter(label: "eventsd_sync_pulls_total", factory: factory)
        changesSent = Metrics.Counter(label: "eventsd_sync_changes_sent_total", factory: factory)
        changesByOutcome = Dictionary(
            uniqueKeysWithValues: ["accepted", "superseded", "rejected", "restamped"].map {
                (
                    $0,
                    Metrics.Counter(
                        label: "eventsd_sync_changes_total", dimensions: [("outcome", $0)], factory: factory)
                )
            })
    }

    /// Makes this registry swift-metrics' process-wide backend. swift-metrics allows it once per process, so
    /// only the serving process does it, before its first request.
    func bootstrapProcessBackend() {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }

    /// The registry in Prometheus' text format.
    var exposition: [UInt8] { registry.emitToBuffer() }

    /// Counts a push: one batch, its changes by outcome.
    func recordPush(_ response: PushResponse) {
        batches.increment()
        changesByOutcome["accepted"]?.increment(by: response.accepted)
        for note in response.notes { changesByOutcome[note.kind.rawValue]?.increment() }
    }

    /// Counts the rows a pull page sent.
    func recordPull(changes: Int) {
        pulls.increment()
        changesSent.increment(by: changes)
    }
}
