package org.balloon.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.balloon.testsupport.Authorized.asViewer;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.ActionType;
import org.balloon.contracts.Agency;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Topics;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.LocalKafka;
import org.balloon.testsupport.LocalPostgres;
import org.balloon.testsupport.SseClient;
import org.balloon.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** The score consumer takes whole polls: what a poll that mixes everything becomes, redeliveries, resume positions. */
@QuarkusTest
@WithTestResource(value = BalloonInfrastructure.class, initArgs = @ResourceArg(name = "schema", value = "gateway"))
@WithTestResource(UpstreamStub.class)
class ScoreBatchIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String streamUrl(String country) {
        return "http://localhost:" + RestAssured.port + "/api/stream/scores?country=" + country;
    }

    @Test
    void aPollMixingScoresTombstonesUnreadableAndRefusedRecordsStoresTheGoodOnesAndCarriesOn() throws Exception {
        String country = "JM";
        PolicyAction kept = ScorePublisher.action(UUID.randomUUID(), country);
        PolicyAction retracted = ScorePublisher.action(UUID.randomUUID(), country);
        // PostgreSQL cannot hold a NUL in text: this score must go aside without stopping the store
        PolicyAction refused = ScorePublisher.action(UUID.randomUUID(), country, ActionType.EXTRADITION,
                LocalDate.of(2024, 1, 2), List.of("Cartel\u0000Zero"), Agency.DOJ, null);
        PolicyAction alsoKept = ScorePublisher.action(UUID.randomUUID(), country);
        double refusedBefore = metric("balloon_gateway_scores_rejected_total");

        try (SseClient stream = new SseClient(streamUrl(country), null, TestTokens.viewer())) {
            await().atMost(WAIT).until(() -> stream.status() == 200 && !stream.comments().isEmpty());
            Map<String, String> poll = new LinkedHashMap<>();
            poll.put(kept.id().toString(), ScorePublisher.json(ScorePublisher.score(kept, ScorePublisher.MODEL, 30, 5)));
            poll.put(UUID.randomUUID().toString(), "{\"actionId\": 42, not json");
            poll.put(refused.id().toString(), ScorePublisher.json(ScorePublisher.score(refused, ScorePublisher.MODEL, 60, 5)));
            poll.put(alsoKept.id().toString(), ScorePublisher.json(ScorePublisher.score(alsoKept, ScorePublisher.MODEL, 40, 5)));
            ScorePublisher.publishTogether(poll);
            ScorePublisher.publish(ScorePublisher.score(retracted, ScorePublisher.MODEL, 50, 5));
            ScorePublisher.tombstone(retracted.id());

            ScoreStoreIT.awaitScore(kept.id());
            ScoreStoreIT.awaitScore(alsoKept.id());
            await().atMost(WAIT).until(() -> metric("balloon_gateway_scores_rejected_total") >= refusedBefore + 1);
            await().atMost(WAIT).untilAsserted(() -> asViewer().get("/api/scores/" + retracted.id()).then().statusCode(404));
            asViewer().get("/api/scores/" + refused.id()).then().statusCode(404);

            // the consumer carries on after all of it
            PolicyAction after = ScorePublisher.action(UUID.randomUUID(), country);
            ScorePublisher.publish(ScorePublisher.score(after, ScorePublisher.MODEL, 10, 5));
            await().atMost(WAIT).until(() -> !stream.scoresMentioning(after.id().toString()).isEmpty());
            assertThat(stream.scoresMentioning(kept.id().toString())).hasSize(1);
            assertThat(stream.scoresMentioning(alsoKept.id().toString())).hasSize(1);
            assertThat(stream.scoresMentioning(refused.id().toString())).isEmpty();
            List<Long> ids = stream.scores().stream().map(e -> Long.parseLong(e.id())).toList();
            assertThat(ids).as("event ids strictly increase").isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void aScoreDeliveredAgainAfterAScoringCrashIsStoredOnceAndStreamedOnce() throws Exception {
        // a scoring instance that crashed after sending a poll's scores but before committing its
        // offsets sends the same bytes again; the store and the stream must not show them twice
        String country = "TT";
        PolicyAction action = ScorePublisher.action(UUID.randomUUID(), country);
        ActionScore score = ScorePublisher.score(action, ScorePublisher.MODEL, 33, 7);
        try (SseClient stream = new SseClient(streamUrl(country), null, TestTokens.viewer())) {
            await().atMost(WAIT).until(() -> stream.status() == 200 && !stream.comments().isEmpty());
            ScorePublisher.publish(score);
            await().atMost(WAIT).until(() -> !stream.scoresMentioning(action.id().toString()).isEmpty());
            long seq = sequenceOf(action.id());

            ScorePublisher.publishTogether(Map.of(action.id().toString(), ScorePublisher.json(score)));
            PolicyAction marker = ScorePublisher.action(UUID.randomUUID(), country);
            ScorePublisher.publish(ScorePublisher.score(marker, ScorePublisher.MODEL, 1, 1));
            await().atMost(WAIT).until(() -> !stream.scoresMentioning(marker.id().toString()).isEmpty());

            assertThat(stream.scoresMentioning(action.id().toString())).hasSize(1);
            assertThat(sequenceOf(action.id())).as("an identical redelivery keeps its sequence").isEqualTo(seq);
            asViewer().get("/api/aggregates?groupBy=country&country=" + country).then().statusCode(200)
                    .body("groups[0].count", org.hamcrest.Matchers.equalTo(2));
        }
    }

    @Test
    void theStoreKeepsHowFarEachPartitionWasReadSoARestartResumesThere() throws Exception {
        PolicyAction action = ScorePublisher.action(UUID.randomUUID(), "DO");
        ScorePublisher.publish(ScorePublisher.score(action, ScorePublisher.MODEL, 20, 3));
        ScoreStoreIT.awaitScore(action.id());

        String topic = LocalKafka.get().topic(Topics.ACTION_SCORES);
        // once the consumer has caught up, the stored positions are exactly the topic's end offsets
        await().atMost(WAIT).untilAsserted(() -> assertThat(storedPositions(topic)).isEqualTo(endOffsets(topic)));
    }

    private static Map<Integer, Long> storedPositions(String topic) throws Exception {
        Map<Integer, Long> positions = new HashMap<>();
        try (Connection c = LocalPostgres.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT kafka_partition, next_offset FROM " + LocalPostgres.schema("gateway") + ".score_positions WHERE topic = ?")) {
            ps.setString(1, topic);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    positions.put(rs.getInt(1), rs.getLong(2));
                }
            }
        }
        return positions;
    }

    private static Map<Integer, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(LocalKafka.get().clientProperties(),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<Integer, Long> ends = new HashMap<>();
            consumer.endOffsets(partitions).forEach((tp, end) -> {
                if (end > 0) {
                    ends.put(tp.partition(), end);
                }
            });
            return ends;
        }
    }

    private static long sequenceOf(UUID actionId) throws Exception {
        try (Connection c = LocalPostgres.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT seq FROM " + LocalPostgres.schema("gateway") + ".scores WHERE action_id = ?")) {
            ps.setObject(1, actionId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private static double metric(String name) {
        return given().get("/q/metrics").asString().lines().filter(l -> l.startsWith(name))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
