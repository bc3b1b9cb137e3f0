package org.balloon.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.balloon.testsupport.Authorized.asAnalyst;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Writes and upstream reads forwarded to a real HTTP server that plays the events and scoring services. */
@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "gateway"))
@WithTestResource(UpstreamStub.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WritePathIT {

    private static final String ACTION = "{\"title\":\"t\",\"type\":\"EXTRADITION\",\"targetCountry\":\"HN\",\"occurredOn\":\"2024-01-01\"}";

    @BeforeEach
    void clear() {
        UpstreamStub.RECEIVED.clear();
    }

    private static UpstreamStub.Received last() {
        return UpstreamStub.RECEIVED.get(UpstreamStub.RECEIVED.size() - 1);
    }

    @Test
    @Order(1)
    void submitForwardsBodyAndHeadersAndPassesTheAnswerThrough() {
        String key = UUID.randomUUID().toString();
        String trace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        asAnalyst().contentType("application/json").header("Idempotency-Key", key).header("traceparent", trace)
                .body(ACTION).post("/api/actions")
                .then().statusCode(202)
                .contentType(startsWith("application/json"))
                .header("Location", endsWith("/api/actions/" + UpstreamStub.ACTION_ID))
                .body("id", equalTo(UpstreamStub.ACTION_ID));

        UpstreamStub.Received r = last();
        assertThat(r.path()).isEqualTo("/actions");
        // the caller's own token goes on: the events service checks it again and records who submitted
        assertThat(r.header("Authorization")).isEqualTo("Bearer " + TestTokens.analyst());
        assertThat(r.text()).isEqualTo(ACTION);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("Idempotency-Key")).isEqualTo(key);
        assertThat(r.header("traceparent")).isEqualTo(trace);
    }

    @Test
    @Order(2)
    void theEventsServicesProblemComesBackUnchanged() {
        Response r = asAnalyst().contentType("application/json").body("{\"lethalforce\":true}").post("/api/actions");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.asString()).isEqualTo(UpstreamStub.PROBLEM);
        assertThat(last().header("Idempotency-Key")).isNull();
    }

    @Test
    @Order(3)
    void theContentTypeIsTheCallersSoTheEventsServiceDecides415() throws Exception {
        // plain JDK client: RestAssured would form-encode the body itself
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/api/actions"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Bearer " + TestTokens.analyst())
                .POST(HttpRequest.BodyPublishers.ofString("title=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(last().header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(last().text()).isEqualTo("title=x");
    }

    @Test
    @Order(4)
    void ndjsonBatchIsForwardedAsNdjson() {
        String ndjson = ACTION + "\n" + ACTION + "\n";
        asAnalyst().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/api/actions/batch")
                .then().statusCode(200).body("accepted", equalTo(2));
        assertThat(last().path()).isEqualTo("/actions/batch");
        assertThat(last().header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(last().text()).isEqualTo(ndjson);
    }

    @Test
    @Order(5)
    void theAuditTrailIsForwardedWithItsFiltersAndTheAdminsToken() {
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.admin()).get("/api/audit?principal=ana&limit=10")
                .then().statusCode(200).body("items[0].principal.subject", equalTo("ana"));
        assertThat(last().path()).isEqualTo("/audit");
        assertThat(last().query()).contains("principal=ana").contains("limit=10");
        assertThat(last().header("Authorization")).isEqualTo("Bearer " + TestTokens.admin());
    }

    @Test
    @Order(5)
    void retractIsForwarded() {
        asAnalyst().contentType("application/json").body("{\"reason\":\"duplicate\"}")
                .post("/api/actions/" + UpstreamStub.ACTION_ID + "/retract").then().statusCode(202);
        assertThat(last().path()).isEqualTo("/actions/" + UpstreamStub.ACTION_ID + "/retract");
        assertThat(last().text()).isEqualTo("{\"reason\":\"duplicate\"}");
    }

    @Test
    @Order(6)
    void anActionNotScoredYetComesFromTheEventsServiceWithoutScore() {
        asAnalyst().get("/api/actions/" + UpstreamStub.ACTION_ID).then().statusCode(200)
                .body("action.title", equalTo("stubbed")).body("source", equalTo("events-service"))
                .body("score", org.hamcrest.Matchers.nullValue());
        asAnalyst().get("/api/actions?country=HN&type=EXTRADITION").then().statusCode(200)
                .body("items[0].id", equalTo(UpstreamStub.ACTION_ID));
        assertThat(last().query()).contains("country=HN").contains("type=EXTRADITION");
    }

    @Test
    @Order(7)
    void previewAndModelAreForwardedToTheScoringService() {
        asAnalyst().get("/api/model").then().statusCode(200).body("modelVersion", equalTo("stub-1"));
        asAnalyst().contentType("application/json").body(ACTION).post("/api/score-preview").then().statusCode(200)
                .body("overall", equalTo(12));
        assertThat(last().path()).isEqualTo("/score-preview");
        assertThat(last().text()).isEqualTo(ACTION);
    }

    @Test
    @Order(8)
    void theOldVersusNewComparisonAndAnOlderModelAreForwardedToTheScoringService() {
        asAnalyst().contentType("application/json").body(ACTION).post("/api/score-compare").then().statusCode(200)
                .body("overallChange", equalTo(3)).body("previousModelVersion", equalTo("stub-0"));
        assertThat(last().path()).isEqualTo("/score-compare");
        assertThat(last().text()).isEqualTo(ACTION);
        asAnalyst().get("/api/model?version=2026.1").then().statusCode(200);
        assertThat(last().path()).isEqualTo("/model");
        assertThat(last().query()).isEqualTo("version=2026.1");
    }

    @Test
    @Order(100)
    void anUnreachableEventsServiceIsA503ProblemWithinTwoSeconds() throws Exception {
        UpstreamStub.stopServer();
        try {
            long start = System.nanoTime();
            asAnalyst().contentType("application/json").body(ACTION).post("/api/actions")
                    .then().statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .header("Retry-After", notNullValue())
                    .body("status", equalTo(503))
                    .body("title", notNullValue())
                    .body("detail", org.hamcrest.Matchers.containsString("events-service"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).isLessThan(2_000);

            // reads that need the events service say so too; the score store answers on its own
            asAnalyst().get("/api/actions?country=HN").then().statusCode(503).header("Retry-After", notNullValue());
            asAnalyst().get("/api/aggregates?groupBy=country").then().statusCode(200);
        } finally {
            UpstreamStub.startServer();
        }
    }
}
