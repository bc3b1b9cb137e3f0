package org.balloon.scoring.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.balloon.testsupport.Authorized.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Topics;
import org.balloon.scoring.engine.ArticleActions;
import org.balloon.scoring.messaging.StreamFixture;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(BalloonInfrastructure.class)
class RescoreIT {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aRescoreReplaysTheHistoryUnderANewGroupAndRepublishesLiveActionsOnly() {
        PolicyAction live = StreamFixture.newAction(ArticleActions.afghanPoppyEradication());
        PolicyAction retracted = StreamFixture.newAction(ArticleActions.ftoDesignations());
        String liveId = live.id().toString();
        String retractedId = retracted.id().toString();
        try (StreamFixture stream = new StreamFixture(); TopicReader scores = TopicReader.of(Topics.ACTION_SCORES)) {
            stream.publish(live, Map.of(Topics.HEADER_ACTION_ID, liveId));
            stream.publish(retracted, Map.of(Topics.HEADER_ACTION_ID, retractedId));
            stream.send(retractedId, null, Map.of(Topics.HEADER_ACTION_ID, retractedId));
            String first = scores.awaitMatching(r -> liveId.equals(r.key()), 1, WAIT).get(0).value();
            scores.awaitMatching(r -> retractedId.equals(r.key()), 2, WAIT);

            // one job at a time: let any earlier job of this test JVM finish first
            await().atMost(WAIT).until(() -> asAdmin().get("/admin/rescore").then().statusCode(200).extract().jsonPath()
                    .getList("state", String.class).stream().noneMatch(s -> s.equals("QUEUED") || s.equals("RUNNING")));
            String location = asAdmin().post("/admin/rescore").then().statusCode(202)
                    .header("Location", notNullValue())
                    .body("groupId", startsWith("balloon-scoring-rescore-"))
                    .body("modelVersion", notNullValue())
                    .extract().header("Location");
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() ->
                    "COMPLETED".equals(asAdmin().get(location).then().statusCode(200).extract().path("state")));
            JsonPath job = asAdmin().get(location).then().extract().jsonPath();
            assertThat(job.getLong("scored")).isPositive();
            assertThat(job.getLong("retracted")).isPositive();
            assertThat(job.getLong("recordsRead")).isGreaterThanOrEqualTo(3);

            // the live action is scored again, identically (same model, scoredAt = receivedAt) ...
            List<ConsumerRecord<String, String>> liveScores = scores.awaitMatching(r -> liveId.equals(r.key()), 2, WAIT);
            assertThat(liveScores.get(1).value()).isEqualTo(first);
            // ... and the retracted one is not brought back
            assertThat(scores.recordsWithKey(retractedId)).hasSize(2);
        }
    }

    @Test
    void aSecondRescoreWhileOneRunsIsA409NamingTheRunningJob() {
        String first = null;
        String second = null;
        // two requests back to back: whichever comes second meets the first still queued or running
        // (a job reads the whole topic; unless it finished in between, which would make both 202)
        for (int attempt = 0; attempt < 5 && second == null; attempt++) {
            await().atMost(WAIT).until(() -> asAdmin().get("/admin/rescore").then().extract().jsonPath()
                    .getList("state", String.class).stream().noneMatch(s -> s.equals("QUEUED") || s.equals("RUNNING")));
            first = asAdmin().post("/admin/rescore").then().statusCode(202).extract().path("jobId");
            io.restassured.response.Response again = asAdmin().post("/admin/rescore");
            if (again.statusCode() == 409) {
                second = again.then().contentType("application/problem+json").body("status", equalTo(409))
                        .extract().path("jobId");
                assertThat(again.header("Location")).endsWith("/admin/rescore/" + first);
            } else {
                assertThat(again.statusCode()).isEqualTo(202);
            }
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anUnknownJobIsA404Problem() {
        asAdmin().get("/admin/rescore/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }
}
