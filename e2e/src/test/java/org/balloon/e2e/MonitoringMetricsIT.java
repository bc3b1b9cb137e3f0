package org.balloon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The alerts and the Grafana dashboard of deploy/k8s/components/monitoring query metrics the
 * packaged services really expose (an alert on a metric nobody exports never fires), each in the
 * service the expression names, and the counters alerts take increase() of exist from the start.
 */
// before EventsServiceDownIT (4), which leaves the events service stopped
@Order(3)
class MonitoringMetricsIT {

    private static final Path MONITORING = Path.of(System.getProperty("balloon.root", ".."), "deploy", "k8s", "components",
            "monitoring");
    // metrics of Balloon, Quarkus' HTTP server and Kafka clients; up and kube_* come from Prometheus and kube-state-metrics
    private static final Pattern METRIC = Pattern.compile("\\b((?:balloon|http_server|kafka_consumer)_[a-z0-9_]+)");
    private static final Pattern SERVICE = Pattern.compile("service=\"([a-z-]+)\"");

    private static final Map<String, String> exposition = new HashMap<>();

    @BeforeAll
    static void scrape() {
        Stack.get();
        for (Stack.Service s : Stack.Service.values()) {
            Api.Answer metrics = Api.get(Stack.get().url(s), "/q/metrics");
            assertThat(metrics.status()).as(s + " /q/metrics").isEqualTo(200);
            exposition.put(s.module, metrics.body());
        }
    }

    @Test
    void everyMetricOfTheAlertsAndTheDashboardIsExposedByTheServiceItNames() throws Exception {
        String text = Files.readString(MONITORING.resolve("prometheus-rules.yaml")) + Files.readString(
                MONITORING.resolve("grafana-dashboard.json"));
        Set<String> checked = new TreeSet<>();
        // expression by expression: the metric must be in the service the expression filters on, else in any
        for (String line : text.split("\n")) {
            Matcher m = METRIC.matcher(line);
            Matcher svc = SERVICE.matcher(line);
            String service = svc.find() ? svc.group(1) : null;
            while (m.find()) {
                String metric = m.group(1);
                List<String> where = service != null ? List.of(service) : List.copyOf(exposition.keySet());
                assertThat(where.stream().anyMatch(s -> names(s).contains(metric)))
                        .as("%s (used in monitoring) is exposed by %s", metric, where).isTrue();
                checked.add(metric);
            }
        }
        assertThat(checked).contains("balloon_outbox_oldest_unsent_seconds", "balloon_scoring_dlq_total",
                "balloon_gateway_stream_dropped_total", "balloon_gateway_stream_clients",
                "kafka_consumer_fetch_manager_records_lag_max", "http_server_requests_seconds_count");
    }

    @Test
    void theScoringConsumersLagIsThereForTheAlertsSelector() {
        assertThat(exposition.get("scoring-service").lines()
                .filter(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag_max{"))
                .anyMatch(l -> l.matches(".*client_id=\"[^\"]+-StreamThread-[0-9]+-consumer\".*"))).isTrue();
    }

    @Test
    void countersTheAlertsTakeAnIncreaseOfStartAtZero() {
        // increase() misses a counter's first step when the series only appears with it
        for (String reason : List.of("unparsable-json", "unsupported-schema-version", "constraint-violation", "missing-id",
                "key-id-mismatch", "tombstone-without-key", "scoring-failed")) {
            assertThat(exposition.get("scoring-service")).contains("balloon_scoring_dlq_total{reason=\"" + reason + "\"}");
        }
        assertThat(names("gateway")).contains("balloon_gateway_stream_dropped_total");
    }

    private static Set<String> names(String service) {
        return exposition.get(service).lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }
}
