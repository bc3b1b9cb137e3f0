package org.balloon.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.balloon.testsupport.Authorized.asViewer;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.balloon.contracts.PolicyAction;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.LocalPostgres;
import org.balloon.testsupport.SseClient;
import org.balloon.testsupport.TestTokens;
import org.balloon.testsupport.TcpProxy;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under the running gateway (its connections go through a proxy the test
 * cuts; the shared server stays up) and comes back: the score consumer waits it out, however
 * long, and stores and streams what arrived meanwhile by itself; readers get 503 with
 * Retry-After in between, never a bare 500.
 */
@QuarkusTest
@TestProfile(DatabaseOutageIT.ThroughProxy.class)
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "gateway"))
@WithTestResource(UpstreamStub.class)
class DatabaseOutageIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    static TcpProxy proxy;

    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            URI db = URI.create(LocalPostgres.URL.substring("jdbc:".length()));
            proxy = new TcpProxy(db.getHost(), db.getPort() < 0 ? 5432 : db.getPort());
            return Map.of("quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://127.0.0.1:" + proxy.port() + db.getPath() + (db.getQuery() == null ? "" : "?" + db.getQuery()),
                    "quarkus.datasource.jdbc.acquisition-timeout", "2S");
        }
    }

    @Test
    void theScoreConsumerWaitsOutADatabaseOutageAndCatchesUpByItself() throws Exception {
        String country = "LC";
        PolicyAction before = ScorePublisher.action(UUID.randomUUID(), country);
        ScorePublisher.publish(ScorePublisher.score(before, ScorePublisher.MODEL, 20, 2));
        ScoreStoreIT.awaitScore(before.id());

        try (SseClient stream = new SseClient("http://localhost:" + RestAssured.port + "/api/stream/scores?country=" + country, null, TestTokens.viewer())) {
            await().atMost(WAIT).until(() -> stream.status() == 200 && !stream.comments().isEmpty());
            double failuresBefore = metric("balloon_gateway_store_failures_total");
            proxy.cut();
            try {
                PolicyAction during = ScorePublisher.action(UUID.randomUUID(), country);
                ScorePublisher.publish(ScorePublisher.score(during, ScorePublisher.MODEL, 30, 3));
                // the consumer tried, failed and keeps trying
                await().atMost(WAIT).until(() -> metric("balloon_gateway_store_failures_total") >= failuresBefore + 2);
                asViewer().get("/api/scores/" + before.id()).then().statusCode(503).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                        .contentType(startsWith("application/problem+json"));
            } finally {
                proxy.restore();
            }
            PolicyAction after = ScorePublisher.action(UUID.randomUUID(), country);
            ScorePublisher.publish(ScorePublisher.score(after, ScorePublisher.MODEL, 40, 4));

            // back without a restart: what came during the outage and after is stored and streamed
            await().atMost(WAIT).until(() -> !stream.scoresMentioning(after.id().toString()).isEmpty());
            ScoreStoreIT.awaitScore(after.id());
            given().get("/q/health/ready").then().statusCode(200);
            org.assertj.core.api.Assertions.assertThat(stream.scores()).hasSize(2);
        }
    }

    private static double metric(String name) {
        return given().get("/q/metrics").asString().lines().filter(l -> l.startsWith(name))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
