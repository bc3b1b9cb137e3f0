package org.balloon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.balloon.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Documented = real: every status the gateway's OpenAPI document promises for an operation it
 * forwards to the events or scoring service is called through the gateway against the real
 * services, and must come back as documented (a problem+json of the one urn:balloon:problem: scheme
 * for errors). A status documented without a case here, or a case the document does not list,
 * fails the test. 401/403/429 are the access layer's, proved per operation by each AccessIT.
 * Runs last: it restarts the scoring service without a previous model and then stops both.
 */
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForwardedContractIT {

    private static final Set<String> FORWARDED = Set.of("POST /api/actions", "POST /api/actions/batch",
            "POST /api/actions/{id}/retract", "GET /api/actions/{id}", "GET /api/actions", "GET /api/model",
            "POST /api/score-preview", "POST /api/score-compare");
    private static final Set<String> ACCESS = Set.of("401", "403", "429");
    private static final Set<String> CALLED = new TreeSet<>();

    @BeforeAll
    static void servicesUp() {
        for (Stack.Service s : new Stack.Service[] {Stack.Service.EVENTS, Stack.Service.SCORING}) {
            if (!Stack.get().isRunning(s)) {
                Stack.get().start(s);
                Stack.get().awaitReady(s);
            }
        }
    }

    @Test
    @Order(1)
    void everyDocumentedStatusWithTheServicesUpIsWhatTheServicesAnswer() {
        String mine = Api.submit(Api.action("CO", "MARITIME_INTERDICTION", "contract"));
        String key = UUID.randomUUID().toString();
        Map<String, Supplier<Api.Answer>> cases = new LinkedHashMap<>();
        cases.put("POST /api/actions 202", () -> post("/api/actions", json(Api.action("CO", "EXTRADITION", "contract")), "application/json", Map.of()));
        cases.put("POST /api/actions 400", () -> post("/api/actions", "{\"title\":\"t\",\"lethalforce\":true}", "application/json", Map.of()));
        cases.put("POST /api/actions 422", () -> {
            assertThat(post("/api/actions", json(Api.action("CO", "EXTRADITION", "first")), "application/json",
                    Map.of("Idempotency-Key", key)).status()).isEqualTo(202);
            return post("/api/actions", json(Api.action("CO", "EXTRADITION", "second")), "application/json", Map.of("Idempotency-Key", key));
        });
        cases.put("POST /api/actions 413", () -> post("/api/actions", "{\"title\":\"" + "x".repeat(600_000) + "\"}", "application/json", Map.of()));
        cases.put("POST /api/actions 415", () -> post("/api/actions", "title=t", "text/plain", Map.of()));
        cases.put("POST /api/actions/batch 200", () -> post("/api/actions/batch", "[" + json(Api.action("CO", "EXTRADITION", "batch")) + "]",
                "application/json", Map.of()));
        cases.put("POST /api/actions/batch 400", () -> {
            // the batch takes no Idempotency-Key: refused, not silently ignored
            Api.Answer keyed = post("/api/actions/batch", "[" + json(Api.action("CO", "EXTRADITION", "keyed batch")) + "]",
                    "application/json", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(keyed.status()).as(keyed.body()).isEqualTo(400);
            assertThat(keyed.body()).contains("Idempotency-Key");
            return post("/api/actions/batch", "[]", "application/json", Map.of());
        });
        cases.put("POST /api/actions/batch 413", () -> post("/api/actions/batch", "[" + "{},".repeat(10_000) + "{}]", "application/json", Map.of()));
        cases.put("POST /api/actions/batch 415", () -> post("/api/actions/batch", "x", "text/plain", Map.of()));
        cases.put("POST /api/actions/{id}/retract 202", () -> post("/api/actions/" + mine + "/retract", "{\"reason\":\"contract test\"}",
                "application/json", Map.of()));
        cases.put("POST /api/actions/{id}/retract 400", () -> post("/api/actions/" + UUID.randomUUID() + "/retract", "{}", "application/json", Map.of()));
        cases.put("POST /api/actions/{id}/retract 404", () -> post("/api/actions/" + UUID.randomUUID() + "/retract", "{\"reason\":\"r\"}",
                "application/json", Map.of()));
        cases.put("GET /api/actions/{id} 200", () -> Api.get("/api/actions/" + mine));
        cases.put("GET /api/actions/{id} 400", () -> Api.get("/api/actions/not-a-uuid"));
        cases.put("GET /api/actions/{id} 404", () -> Api.get("/api/actions/" + UUID.randomUUID()));
        cases.put("GET /api/actions 200", () -> Api.get("/api/actions?country=CO&limit=5"));
        cases.put("GET /api/actions 400", () -> Api.get("/api/actions?country=XYZ"));
        cases.put("GET /api/model 200", () -> Api.get("/api/model"));
        cases.put("GET /api/model 404", () -> Api.get("/api/model?version=0.0"));
        cases.put("GET /api/model 406", () -> Api.send(HttpRequest.newBuilder(Api.uri("/api/model")).header("Accept", "text/html").GET(),
                TestTokens.viewer()));
        String preview = json(Api.action("VE", "MILITARY_STRIKE", "preview"));
        cases.put("POST /api/score-preview 200", () -> post("/api/score-preview", preview, "application/json", Map.of()));
        cases.put("POST /api/score-preview 400", () -> post("/api/score-preview", "{\"targetCountry\":\"ZZ\"}", "application/json", Map.of()));
        cases.put("POST /api/score-preview 415", () -> post("/api/score-preview", "x", "text/plain", Map.of()));
        cases.put("POST /api/score-compare 200", () -> post("/api/score-compare", preview, "application/json", Map.of()));
        cases.put("POST /api/score-compare 400", () -> post("/api/score-compare", "{\"targetCountry\":\"ZZ\"}", "application/json", Map.of()));
        cases.put("POST /api/score-compare 415", () -> post("/api/score-compare", "x", "text/plain", Map.of()));
        cases.forEach(ForwardedContractIT::check);
    }

    @Test
    @Order(2)
    void aScoringServiceWithoutAPreviousModelAnswersTheDocumented409() {
        Stack.get().stop(Stack.Service.SCORING);
        Stack.get().start(Stack.Service.SCORING, Map.of("balloon.model.previous-version", ""));
        Stack.get().awaitReady(Stack.Service.SCORING);
        check("POST /api/score-compare 409", () -> post("/api/score-compare", json(Api.action("VE", "MILITARY_STRIKE", "compare")),
                "application/json", Map.of()));
    }

    @Test
    @Order(3)
    void withBothServicesDownEveryForwardedOperationAnswersTheDocumented503() {
        Stack.get().stop(Stack.Service.EVENTS);
        Stack.get().stop(Stack.Service.SCORING);
        String action = json(Api.action("CO", "EXTRADITION", "down"));
        String id = UUID.randomUUID().toString();
        check("POST /api/actions 503", () -> post("/api/actions", action, "application/json", Map.of()));
        check("POST /api/actions/batch 503", () -> post("/api/actions/batch", "[" + action + "]", "application/json", Map.of()));
        check("POST /api/actions/{id}/retract 503", () -> post("/api/actions/" + id + "/retract", "{\"reason\":\"r\"}", "application/json", Map.of()));
        check("GET /api/actions/{id} 503", () -> Api.get("/api/actions/" + id));
        check("GET /api/actions 503", () -> Api.get("/api/actions"));
        check("GET /api/model 503", () -> Api.get("/api/model"));
        check("POST /api/score-preview 503", () -> post("/api/score-preview", action, "application/json", Map.of()));
        check("POST /api/score-compare 503", () -> post("/api/score-compare", action, "application/json", Map.of()));
    }

    @Test
    @Order(4)
    void theCasesAreExactlyTheDocumentedStatuses() {
        assertThat(CALLED).as("every documented status of a forwarded operation is called, and nothing undocumented")
                .isEqualTo(documented());
    }

    private static void check(String operationAndStatus, Supplier<Api.Answer> call) {
        int expected = Integer.parseInt(operationAndStatus.substring(operationAndStatus.lastIndexOf(' ') + 1));
        Api.Answer a = call.get();
        assertThat(a.status()).as(operationAndStatus + ": " + a.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(a.header("Content-Type")).as(operationAndStatus).startsWith("application/problem+json");
            JsonNode problem = a.json();
            assertThat(problem.path("status").asInt()).as(operationAndStatus).isEqualTo(expected);
            assertThat(problem.path("type").asText()).as(operationAndStatus).startsWith("urn:balloon:problem:");
        }
        CALLED.add(operationAndStatus);
    }

    private static Set<String> documented() {
        Api.Answer doc = Api.send(HttpRequest.newBuilder(Api.uri("/q/openapi?format=json")).GET(), TestTokens.admin());
        assertThat(doc.status()).isEqualTo(200);
        Set<String> statuses = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.json().path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                String operation = op.getKey().toUpperCase() + " " + path.getKey();
                if (FORWARDED.contains(operation)) {
                    op.getValue().path("responses").fieldNames().forEachRemaining(status -> {
                        if (!ACCESS.contains(status)) {
                            statuses.add(operation + " " + status);
                        }
                    });
                }
            });
        }
        assertThat(statuses).as("the forwarded operations are in the document").isNotEmpty();
        return statuses;
    }

    private static Api.Answer post(String path, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder r = HttpRequest.newBuilder(Api.uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(r::header);
        return Api.send(r, TestTokens.analyst());
    }

    private static String json(Object value) {
        try {
            return Api.JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
