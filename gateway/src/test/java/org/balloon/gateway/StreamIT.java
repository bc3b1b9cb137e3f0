package org.balloon.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.balloon.testsupport.Authorized.asViewer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.PolicyAction;
import org.balloon.testsupport.SseClient;
import org.balloon.testsupport.TestTokens;
import org.balloon.testsupport.BalloonInfrastructure;
import org.junit.jupiter.api.Test;

/** The live score stream over SSE: delivery, filters, resume with Last-Event-ID, heartbeats. */
@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "gateway"))
@WithTestResource(UpstreamStub.class)
class StreamIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String url(String query) {
        return "http://localhost:" + RestAssured.port + "/api/stream/scores" + query;
    }

    @Test
    void deliversStoredScoresThatMatchTheFilter() throws Exception {
        try (SseClient stream = new SseClient(url("?country=PA&minOverall=50"), null, TestTokens.viewer())) {
            await().atMost(WAIT).until(() -> stream.status() == 200 && !stream.comments().isEmpty());
            PolicyAction high = ScorePublisher.action(UUID.randomUUID(), "PA");
            PolicyAction low = ScorePublisher.action(UUID.randomUUID(), "PA");
            PolicyAction elsewhere = ScorePublisher.action(UUID.randomUUID(), "HN");
            ScorePublisher.publish(ScorePublisher.score(low, ScorePublisher.MODEL, 49, 1));
            ScorePublisher.publish(ScorePublisher.score(elsewhere, ScorePublisher.MODEL, 99, 1));
            ScorePublisher.publish(ScorePublisher.score(high, ScorePublisher.MODEL, 50, 1));

            await().atMost(WAIT).until(() -> !stream.scoresMentioning(high.id().toString()).isEmpty());
            ScoreStoreIT.awaitScore(elsewhere.id());
            ScoreStoreIT.awaitScore(low.id());
            SseClient.Event event = stream.scoresMentioning(high.id().toString()).get(0);
            assertThat(event.id()).matches("\\d+");
            assertThat(event.data()).contains("\"targetCountry\":\"PA\"").contains("\"overall\":50");
            assertThat(stream.scores()).hasSize(1);
        }
    }

    @Test
    void aClientResumingWithLastEventIdGetsExactlyTheScoresItMissedThenLiveOnes() throws Exception {
        String country = "BO";
        List<PolicyAction> actions = List.of(ScorePublisher.action(UUID.randomUUID(), country),
                ScorePublisher.action(UUID.randomUUID(), country), ScorePublisher.action(UUID.randomUUID(), country));
        String firstId;
        try (SseClient first = new SseClient(url("?country=" + country), null, TestTokens.viewer())) {
            await().atMost(WAIT).until(() -> first.status() == 200 && !first.comments().isEmpty());
            for (PolicyAction a : actions) {
                ScorePublisher.publish(ScorePublisher.score(a, ScorePublisher.MODEL, 33, 3));
            }
            await().atMost(WAIT).until(() -> first.scores().size() == 3);
            assertThat(first.scores()).extracting(SseClient.Event::data).allSatisfy(d -> assertThat(d).contains(country));
            firstId = first.scores().get(0).id();
            // the order on the stream is the store's order
            assertThat(first.scores()).extracting(e -> Long.parseLong(e.id())).isSorted();
        }
        // another country's score stored meanwhile must not be replayed to this filter
        ScorePublisher.publish(ScorePublisher.score(ScorePublisher.action(UUID.randomUUID(), "PY"), ScorePublisher.MODEL, 1, 1));

        try (SseClient resumed = new SseClient(url("?country=" + country), firstId, TestTokens.viewer())) {
            await().atMost(WAIT).until(() -> resumed.scores().size() >= 2);
            PolicyAction live = ScorePublisher.action(UUID.randomUUID(), country);
            ScorePublisher.publish(ScorePublisher.score(live, ScorePublisher.MODEL, 34, 3));
            await().atMost(WAIT).until(() -> resumed.scores().size() >= 3);
            ScoreStoreIT.awaitScore(live.id());

            List<SseClient.Event> got = resumed.scores();
            assertThat(got).hasSize(3);
            assertThat(got.get(0).data()).contains(actions.get(1).id().toString());
            assertThat(got.get(1).data()).contains(actions.get(2).id().toString());
            assertThat(got.get(2).data()).contains(live.id().toString());
            assertThat(got).extracting(e -> Long.parseLong(e.id())).isSorted().doesNotHaveDuplicates();
        }

        // the query parameter works like the header
        try (SseClient byParam = new SseClient(url("?country=" + country + "&lastEventId=" + firstId), null, TestTokens.viewer())) {
            await().atMost(WAIT).until(() -> byParam.scores().size() >= 3);
            assertThat(byParam.scores().get(0).data()).contains(actions.get(1).id().toString());
        }
    }

    @Test
    void sendsHeartbeatComments() throws Exception {
        try (SseClient stream = new SseClient(url(""), null, TestTokens.viewer())) {
            // the test profile beats every second
            await().atMost(WAIT).until(() -> stream.comments().contains("heartbeat"));
        }
    }

    @Test
    void aBadFilterIsA400Problem() {
        asViewer().accept("text/event-stream").get("/api/stream/scores?minOverall=lots").then().statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("minOverall"));
        asViewer().get("/api/stream/scores?type=" + ActionType.EXTRADITION.name().toLowerCase()).then().statusCode(400);
    }
}
