package org.balloon.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.balloon.testsupport.TopicReader.header;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Topics;
import org.balloon.scoring.engine.ActionBuilder;
import org.balloon.scoring.engine.ArticleActions;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.LocalKafka;
import org.balloon.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stream processor on the run's real broker: actions in, scores out, poison to the DLQ, tombstones through. */
@QuarkusTest
@WithTestResource(BalloonInfrastructure.class)
class ActionStreamIT {

    static final Duration WAIT = Duration.ofSeconds(45);
    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    final StreamFixture stream = new StreamFixture();

    @AfterEach
    void close() {
        stream.close();
    }

    @Test
    void anActionComesOutScoredInTheContractsJsonWithItsHeaders() throws Exception {
        PolicyAction action = StreamFixture.newAction();
        String id = action.id().toString();
        stream.publish(action, Map.of(Topics.HEADER_ACTION_ID, id, Topics.HEADER_TRACEPARENT, TRACEPARENT,
                Topics.HEADER_PRINCIPAL, "ana"));

        try (TopicReader scores = TopicReader.of(Topics.ACTION_SCORES)) {
            ConsumerRecord<String, String> r = scores.awaitMatching(x -> id.equals(x.key()), 1, WAIT).get(0);
            assertThat(StreamFixture.schemaErrors(r.value())).isEmpty();
            // the submitter travels on with the score
            assertThat(header(r, Topics.HEADER_PRINCIPAL)).isEqualTo("ana");
            ActionScore score = StreamFixture.JSON.readValue(r.value(), ActionScore.class);
            assertThat(score.actionId()).isEqualTo(action.id());
            assertThat(score.action()).isEqualTo(action);
            assertThat(score.scoredAt()).isEqualTo(action.receivedAt());
            assertThat(score.criteria()).hasSize(8);
            assertThat(score.modelVersion()).matches("2026\\.2\\+[0-9a-f]{8}");
            assertThat(header(r, Topics.HEADER_ACTION_ID)).isEqualTo(id);
            assertThat(header(r, Topics.HEADER_TRACEPARENT)).isEqualTo(TRACEPARENT);
            assertThat(header(r, ScoreHeaders.MODEL_VERSION)).isEqualTo(score.modelVersion());
            JsonNode sf = StreamFixture.JSON.readTree(r.value()).get("criteria").get(2);
            assertThat(sf.get("criterion").asText()).isEqualTo("SOVEREIGNTY_FRICTION");
            assertThat(sf.get("factors").findValuesAsText("rule")).contains("SF-01", "SF-03");
        }
    }

    @Test
    void poisonGoesToTheDlqWithItsReasonAndTheNextValidActionIsStillScored() throws Exception {
        String badJson = "poison-" + UUID.randomUUID();
        String badJsonValue = "{\"schemaVersion\": 1, \"title\": 42, \"type\": \"NOT_A_TYPE\"";
        // below the topic's first version: not a v1 record at all
        PolicyAction future = ActionBuilder.from(StreamFixture.newAction()).build();
        String futureJson = StreamFixture.json(future).replace("\"schemaVersion\":1", "\"schemaVersion\":0");
        PolicyAction outOfRange = StreamFixture.newAction(ArticleActions.elChapoCapture().country("ZZ").fatalities(-1));
        PolicyAction mismatched = StreamFixture.newAction();
        String mismatchedKey = UUID.randomUUID().toString();
        PolicyAction valid = StreamFixture.newAction(ArticleActions.meridaInitiative());

        stream.send(badJson, badJsonValue, Map.of(Topics.HEADER_TRACEPARENT, TRACEPARENT));
        stream.send(future.id().toString(), futureJson, Map.of());
        stream.publish(outOfRange, Map.of());
        stream.send(mismatchedKey, StreamFixture.json(mismatched), Map.of());
        stream.publish(valid, Map.of());

        Map<String, String> expected = Map.of(badJson, "unparsable-json", future.id().toString(), "unsupported-schema-version",
                outOfRange.id().toString(), "constraint-violation", mismatchedKey, "key-id-mismatch");
        try (TopicReader dlq = TopicReader.of(Topics.POLICY_ACTIONS_DLQ);
                TopicReader scores = TopicReader.of(Topics.ACTION_SCORES)) {
            List<ConsumerRecord<String, String>> dead = dlq.awaitMatching(r -> expected.containsKey(r.key()), 4, WAIT);
            assertThat(dead).hasSize(4);
            for (ConsumerRecord<String, String> r : dead) {
                assertThat(header(r, ScoreHeaders.DLQ_REASON)).as(r.key()).isEqualTo(expected.get(r.key()));
                assertThat(header(r, ScoreHeaders.DLQ_EXCEPTION)).isNotBlank();
                assertThat(header(r, ScoreHeaders.DLQ_CAUSE)).isNotBlank();
                assertThat(header(r, ScoreHeaders.DLQ_TOPIC)).isEqualTo(LocalKafka.get().topic(Topics.POLICY_ACTIONS));
                assertThat(Long.parseLong(header(r, ScoreHeaders.DLQ_OFFSET))).isNotNegative();
            }
            ConsumerRecord<String, String> unparsable = dead.stream().filter(r -> r.key().equals(badJson)).findFirst().orElseThrow();
            assertThat(unparsable.value()).isEqualTo(badJsonValue);
            assertThat(header(unparsable, Topics.HEADER_TRACEPARENT)).isEqualTo(TRACEPARENT);
            assertThat(header(unparsable, ScoreHeaders.DLQ_EXCEPTION)).startsWith("com.fasterxml.jackson");
            ConsumerRecord<String, String> violated = dead.stream()
                    .filter(r -> r.key().equals(outOfRange.id().toString())).findFirst().orElseThrow();
            assertThat(header(violated, ScoreHeaders.DLQ_CAUSE)).contains("targetCountry").contains("fatalities");

            scores.awaitMatching(r -> valid.id().toString().equals(r.key()), 1, WAIT);
            // each record is either scored or dead-lettered, never both
            assertThat(scores.records()).noneMatch(r -> expected.containsKey(r.key()) || mismatched.id().toString().equals(r.key()));
        }
    }

    @Test
    void actionsOfOtherProducerVersionsWithFieldsThisServiceDoesNotKnowAreScoredNotDeadLettered() {
        // a newer events-service (schemaVersion 2, one optional field more) and one of the first version
        // that sends a field this build does not know: a rolling upgrade must not fill the DLQ
        PolicyAction newer = StreamFixture.newAction(ArticleActions.meridaInitiative());
        PolicyAction older = StreamFixture.newAction(ArticleActions.elChapoCapture());
        stream.send(newer.id().toString(), StreamFixture.json(newer).replace("\"schemaVersion\":1",
                "\"schemaVersion\":2,\"verifiedBy\":{\"desk\":\"newsroom\",\"sources\":[1,2]}"), Map.of());
        stream.send(older.id().toString(), StreamFixture.json(older).replace("\"schemaVersion\":1",
                "\"schemaVersion\":1,\"confidence\":0.8"), Map.of());

        Set<String> ids = Set.of(newer.id().toString(), older.id().toString());
        try (TopicReader scores = TopicReader.of(Topics.ACTION_SCORES); TopicReader dlq = TopicReader.of(Topics.POLICY_ACTIONS_DLQ)) {
            List<ConsumerRecord<String, String>> scored = scores.awaitMatching(r -> ids.contains(r.key()), 2, WAIT);
            assertThat(scored).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(dlq.records()).noneMatch(r -> ids.contains(r.key()));
        }
    }

    @Test
    void aTombstoneYieldsAScoreTombstoneWithTheSameKey() {
        PolicyAction action = StreamFixture.newAction();
        String id = action.id().toString();
        stream.publish(action, Map.of(Topics.HEADER_ACTION_ID, id));
        stream.send(id, null, Map.of(Topics.HEADER_ACTION_ID, id, Topics.HEADER_TRACEPARENT, TRACEPARENT));

        try (TopicReader scores = TopicReader.of(Topics.ACTION_SCORES)) {
            List<ConsumerRecord<String, String>> records = scores.awaitMatching(r -> id.equals(r.key()), 2, WAIT);
            assertThat(records.get(0).value()).isNotNull();
            ConsumerRecord<String, String> tombstone = records.get(1);
            assertThat(tombstone.value()).isNull();
            assertThat(header(tombstone, Topics.HEADER_ACTION_ID)).isEqualTo(id);
            assertThat(header(tombstone, Topics.HEADER_TRACEPARENT)).isEqualTo(TRACEPARENT);
        }
    }

    @Test
    void aRedeliveredActionYieldsAByteIdenticalScore() {
        PolicyAction action = StreamFixture.newAction(ArticleActions.planColombiaEradication());
        String id = action.id().toString();
        stream.publish(action, Map.of(Topics.HEADER_ACTION_ID, id, Topics.HEADER_TRACEPARENT, TRACEPARENT));
        stream.publish(action, Map.of(Topics.HEADER_ACTION_ID, id, Topics.HEADER_TRACEPARENT, TRACEPARENT));

        try (TopicReader scores = TopicReader.of(Topics.ACTION_SCORES)) {
            List<ConsumerRecord<String, String>> twice = scores.awaitMatching(r -> id.equals(r.key()), 2, WAIT);
            assertThat(twice.get(1).value()).isEqualTo(twice.get(0).value());
            assertThat(headers(twice.get(1))).isEqualTo(headers(twice.get(0)));
        }
    }

    @Test
    void metricsCountScoresAndDeadLettersAndTimeTheEngine() {
        PolicyAction action = StreamFixture.newAction();
        String poisonKey = "poison-" + UUID.randomUUID();
        stream.send(poisonKey, "not json", Map.of());
        stream.publish(action, Map.of());
        try (TopicReader dlq = TopicReader.of(Topics.POLICY_ACTIONS_DLQ); TopicReader scores = TopicReader.of(Topics.ACTION_SCORES)) {
            dlq.awaitMatching(r -> poisonKey.equals(r.key()), 1, WAIT);
            scores.awaitMatching(r -> action.id().toString().equals(r.key()), 1, WAIT);
        }
        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("balloon_scoring_scored_total\\{[^}]*source=\"stream\"[^}]*} [1-9]")
                .containsPattern("balloon_scoring_dlq_total\\{[^}]*reason=\"unparsable-json\"[^}]*} [1-9]")
                .containsPattern("balloon_scoring_latency_seconds_count(\\{[^}]*})? [1-9]");
    }

    private static Set<String> headers(ConsumerRecord<String, String> r) {
        return Set.copyOf(StreamSupport.stream(r.headers().spliterator(), false)
                .map(h -> h.key() + "=" + new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)).toList());
    }
}
