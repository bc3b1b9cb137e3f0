package org.balloon.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.balloon.e2e.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * One action submitted with a known traceparent is one trace across the three packaged services,
 * exported over OTLP (to the test's receiver) on the real broker and PostgreSQL: the gateway's and
 * the events-service's HTTP spans, the outbox relay's publish, the scoring of the record, the
 * gateway's store and broadcast, each the child of the one before across the topics; and the
 * stored score names the trace.
 */
// before EventsServiceDownIT (4), which leaves the events service stopped
@Order(3)
class TraceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void stack() {
        Stack.get();
    }

    @Test
    void oneActionIsOneTraceAcrossTheServicesAndTopics() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
        Api.Answer submitted = Api.post("/api/actions", Api.action("BO", "CROP_ERADICATION", "e2e trace"),
                Map.of("traceparent", traceparent));
        assertThat(submitted.status()).isEqualTo(202);
        String id = submitted.json().path("id").asText();

        OtlpReceiver receiver = Stack.get().traces();
        // spans leave each service in batches: wait until the whole chain has arrived
        await("the trace from the three services").atMost(WAIT).untilAsserted(() -> chainHolds(receiver.trace(traceId), traceId));

        // the stored score names its trace (the dashboard's breakdown shows it)
        await().atMost(WAIT).until(() -> Api.get("/api/scores/" + id).status() == 200);
        assertThat(Api.get("/api/scores/" + id).header("X-Trace-Id")).isEqualTo(traceId);
    }

    private static void chainHolds(List<ReceivedSpan> trace, String traceId) {
        Set<String> services = trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet());
        assertThat(services).contains("gateway", "events-service", "scoring-service");

        ReceivedSpan gatewayServer = one(trace, "gateway", "POST /api/actions");
        assertThat(gatewayServer.parentSpanId()).as("the client's span is the gateway's parent").isEqualTo(traceId.substring(0, 16));
        ReceivedSpan eventsServer = trace.stream().filter(s -> s.service().equals("events-service") && s.name().startsWith("POST /actions"))
                .findFirst().orElseThrow(() -> new AssertionError("no events-service server span in " + trace));
        assertThat(trace).as("the events-service's database work").anyMatch(s -> s.service().equals("events-service")
                && s.kind() == 3 && !s.name().startsWith("POST") && !s.name().startsWith("GET"));
        ReceivedSpan publish = trace.stream().filter(s -> s.service().equals("events-service") && s.name().endsWith(" publish"))
                .findFirst().orElseThrow(() -> new AssertionError("no publish span in " + trace));
        ReceivedSpan scoring = trace.stream().filter(s -> s.service().equals("scoring-service") && s.name().endsWith(" process"))
                .findFirst().orElseThrow(() -> new AssertionError("no scoring span in " + trace));
        ReceivedSpan store = trace.stream().filter(s -> s.service().equals("gateway") && s.name().endsWith(" store and broadcast"))
                .findFirst().orElseThrow(() -> new AssertionError("no store span in " + trace));

        // the chain across HTTP and the topics: gateway -> events-service -> relay -> scoring -> gateway
        assertThat(trace.stream().filter(s -> s.service().equals("gateway")).map(ReceivedSpan::spanId))
                .as("the events-service's request is the gateway's call: %s", trace).contains(eventsServer.parentSpanId());
        assertThat(publish.parentSpanId()).as("the outbox keeps the request's trace").isEqualTo(eventsServer.spanId());
        assertThat(scoring.parentSpanId()).isEqualTo(publish.spanId());
        assertThat(store.parentSpanId()).isEqualTo(scoring.spanId());
        assertThat(gatewayServer.kind()).isEqualTo(2); // SERVER
        assertThat(publish.kind()).isEqualTo(4);       // PRODUCER
        assertThat(scoring.kind()).isEqualTo(5);       // CONSUMER
    }

    private static ReceivedSpan one(List<ReceivedSpan> trace, String service, String name) {
        return trace.stream().filter(s -> s.service().equals(service) && s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " of " + service + " in " + trace));
    }

}
