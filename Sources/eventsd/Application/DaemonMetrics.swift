import Metrics
import Prometheus
import Sync

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

    // Created on first use, which is after `install()`: routes that count are built by `buildRouter`, which installs.
    private static let batches = Counter(label: "eventsd_sync_batches_total")
    private static let pulls = Counter(label: "eventsd_sync_pulls_total")
    private static let changesSent = Counter(label: "eventsd_sync_changes_sent_total")
    private static let changesByOutcome = Dictionary(
        uniqueKeysWithValues: ["accepted", "superseded", "rejected", "restamped"].map {
            ($0, Counter(label: "eventsd_sync_changes_total", dimensions: [("outcome", $0)]))
        })

    /// Counts a push: one batch, its changes by outcome.
    static func recordPush(_ response: PushResponse) {
        batches.increment()
        changesByOutcome["accepted"]?.increment(by: response.accepted)
        for note in response.notes { changesByOutcome[note.kind.rawValue]?.increment() }
    }

    /// Counts the rows a pull page sent.
    static func recordPull(changes: Int) {
        pulls.increment()
        changesSent.increment(by: changes)
    }
}
