import Metrics
import Prometheus

/// The daemon's Prometheus registry, installed once per process as swift-metrics' backend: Hummingbird's
/// request counters and latency histograms and the sync counters below are all read from it at `/metrics`.
enum DaemonMetrics {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// Makes the registry swift-metrics' backend, before the first request is counted.
    static func install() {
        _ = registry
    }

    /// Counts a push: one batch, its changes by outcome.
    static func recordPush(accepted: Int, notes: [String: Int]) {
        Counter(label: "eventsd_sync_batches_total").increment()
        Counter(label: "eventsd_sync_changes_total", dimensions: [("outcome", "accepted")]).increment(by: accepted)
        for (outcome, count) in notes {
            Counter(label: "eventsd_sync_changes_total", dimensions: [("outcome", outcome)]).increment(by: count)
        }
    }

    /// Counts the rows a pull page sent.
    static func recordPull(changes: Int) {
        Counter(label: "eventsd_sync_pulls_total").increment()
        Counter(label: "eventsd_sync_changes_sent_total").increment(by: changes)
    }
}
