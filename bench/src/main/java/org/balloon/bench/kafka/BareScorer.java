package org.balloon.bench.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.BalloonJson;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Topics;
import org.balloon.scoring.engine.CountryTableLoader;
import org.balloon.scoring.engine.ModelConfig;
import org.balloon.scoring.engine.ScoringEngine;

/**
 * The baseline of issue 9, target 3: the plainest kafka-clients loop with the scoring-service's
 * guarantees and its engine. poll → decode and score every record → send every score without
 * waiting → flush (every score acknowledged, acks=all, idempotent producer) → commitSync. A crash
 * anywhere replays from the last commit (at-least-once); a partition's records stay in order.
 *
 * <p>It skips what the service adds around the engine (bean validation, DLQ routing, metrics), so
 * it is an upper bound a framework-run scorer may approach, not beat by design.
 */
public final class BareScorer {

    private static final String MODEL_HEADER = "balloon-model-version";

    private final BenchKafka kafka;
    private final ObjectMapper json = BalloonJson.newMapper();
    private final ScoringEngine engine = new ScoringEngine(ModelConfig.defaults(),
            CountryTableLoader.fromClasspath("country-context/cpi-2024.csv"), Clock.systemUTC());

    public BareScorer(BenchKafka kafka) {
        this.kafka = kafka;
    }

    /**
     * Scores {@code expected} records of {@code input} into {@code output} under consumer group
     * {@code group}, or until the timeout. @return records scored and committed
     */
    public long run(String input, String output, String group, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long done = 0;
        // the service's consumer and producer settings (Kafka Streams: 1000 records a poll, linger 0, lz4)
        try (KafkaConsumer<String, String> consumer = kafka.stringConsumer(group, 1_000);
                KafkaProducer<String, String> producer = kafka.stringProducer("bench-bare-scorer", 0, "lz4")) {
            consumer.subscribe(List.of(input));
            String model = engine.modelVersion();
            List<Future<RecordMetadata>> acks = new ArrayList<>(1_000);
            while (done < expected && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(100));
                if (polled.isEmpty()) {
                    continue;
                }
                acks.clear();
                for (ConsumerRecord<String, String> r : polled) {
                    PolicyAction action = json.readValue(r.value(), PolicyAction.class);
                    Instant scoredAt = action.receivedAt() != null ? action.receivedAt() : Instant.ofEpochMilli(r.timestamp());
                    ActionScore score = engine.score(action, scoredAt);
                    RecordHeaders h = new RecordHeaders();
                    h.add(Topics.HEADER_ACTION_ID, r.key().getBytes(StandardCharsets.UTF_8));
                    h.add(MODEL_HEADER, model.getBytes(StandardCharsets.UTF_8));
                    acks.add(producer.send(new ProducerRecord<>(output, null, r.timestamp(), r.key(),
                            json.writeValueAsString(score), h)));
                }
                producer.flush();
                for (Future<RecordMetadata> ack : acks) {
                    try {
                        ack.get();
                    } catch (ExecutionException e) {
                        // never commit past a score the broker did not take
                        throw new IllegalStateException("a score was not acknowledged", e.getCause());
                    }
                }
                consumer.commitSync();
                done += polled.count();
            }
        }
        return done;
    }
}
