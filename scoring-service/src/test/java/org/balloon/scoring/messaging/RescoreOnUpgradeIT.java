package org.balloon.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Topics;
import org.balloon.scoring.engine.ArticleActions;
import org.balloon.scoring.service.ScoringService;
import org.balloon.testsupport.BalloonInfrastructure;
import org.balloon.testsupport.LocalKafka;
import org.balloon.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * After an upgrade the stored scores were made by the old model: the start-up check finds them by the
 * balloon-model-version header of each action's latest score and re-scores the history under the new one.
 */
@QuarkusTest
@WithTestResource(BalloonInfrastructure.class)
class RescoreOnUpgradeIT {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String OLD_MODEL = "2026.1+9472a251";

    @Inject
    ModelUpgradeCheck upgrade;

    @Inject
    RescoreJobs jobs;

    @Inject
    ScoringService scoring;

    @Test
    void scoresLeftByThePreviousModelAreRescoredUnderTheActiveOneAndTheNextCheckFindsNothingStale() throws Exception {
        PolicyAction action = StreamFixture.newAction(ArticleActions.elChapoCapture());
        String id = action.id().toString();
        try (StreamFixture stream = new StreamFixture(); TopicReader scores = TopicReader.of(Topics.ACTION_SCORES)) {
            stream.publish(action, Map.of(Topics.HEADER_ACTION_ID, id));
            String current = scores.awaitMatching(r -> id.equals(r.key()), 1, WAIT).get(0).value();

            // the score the old model had stored for it, written after (as if the upgrade came later)
            storeScore(id, current.replace(scoring.modelVersion(), OLD_MODEL), OLD_MODEL);
            scores.awaitMatching(r -> id.equals(r.key()), 2, WAIT);

            ModelUpgradeCheck.Verdict verdict = upgrade.check();
            assertThat(verdict.staleByModelVersion()).containsEntry(OLD_MODEL, 1L);
            assertThat(verdict.job()).isPresent();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() ->
                    jobs.status(verdict.job().get().jobId()).orElseThrow().state() == RescoreJobs.State.COMPLETED);

            List<ConsumerRecord<String, String>> all = scores.awaitMatching(r -> id.equals(r.key()), 3, WAIT);
            ConsumerRecord<String, String> rescored = all.get(all.size() - 1);
            assertThat(TopicReader.header(rescored, ScoreHeaders.MODEL_VERSION)).isEqualTo(scoring.modelVersion());
            assertThat(rescored.value()).isEqualTo(current);

            assertThat(upgrade.check().staleByModelVersion()).doesNotContainKey(OLD_MODEL);
        }
    }

    private static void storeScore(String key, String value, String modelVersion) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(LocalKafka.get().clientProperties(),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> r = new ProducerRecord<>(LocalKafka.get().topic(Topics.ACTION_SCORES), key, value);
            r.headers().add(Topics.HEADER_ACTION_ID, key.getBytes(StandardCharsets.UTF_8));
            r.headers().add(ScoreHeaders.MODEL_VERSION, modelVersion.getBytes(StandardCharsets.UTF_8));
            producer.send(r).get(30, TimeUnit.SECONDS);
        }
    }
}
