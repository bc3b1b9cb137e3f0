package org.balloon.scoring.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.balloon.contracts.ActionScore;
import org.balloon.scoring.messaging.ActionRecordDecoder.Action;
import org.balloon.scoring.messaging.ActionRecordDecoder.Poison;
import org.balloon.scoring.messaging.ActionRecordDecoder.Tombstone;
import org.balloon.scoring.service.ScoringService;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Scores every action of the actions topic onto the scores topic.
 *
 * <p>At-least-once: the incoming record is acknowledged (and its offset later committed) only
 * when the score, the score tombstone or the dead letter has been acknowledged by the broker, so a
 * crash replays it. The output is idempotent: the same action yields the same key, headers and
 * bytes (scoredAt is the action's receivedAt), so a replay only repeats an identical record.
 * Records are handled one at a time per consumer, in partition order, so a retraction's
 * tombstone always follows the action's score. Instances in the group {@code balloon-scoring}
 * share the partitions: scale out by adding instances, up to the topic's partition count.
 *
 * <p>A record that cannot be scored goes to the DLQ with its original key, value and headers plus
 * why; the consumer carries on. A failure to publish is not the record's fault: it fails the
 * channel (readiness goes DOWN, the orchestrator restarts the pod) and the record is replayed.
 */
@ApplicationScoped
public class ActionScoreProcessor {

    private static final Logger LOG = Logger.getLogger(ActionScoreProcessor.class);

    private final ActionRecordDecoder decoder;
    private final ScoringService scoring;
    private final ObjectMapper mapper;
    private final MutinyEmitter<Record<String, String>> scores;
    private final MutinyEmitter<Record<String, String>> deadLetters;
    private final MeterRegistry registry;
    private final Counter tombstones;

    public ActionScoreProcessor(ActionRecordDecoder decoder, ScoringService scoring, ObjectMapper mapper,
            @Channel("scores") MutinyEmitter<Record<String, String>> scores,
            @Channel("dead-letters") MutinyEmitter<Record<String, String>> deadLetters, MeterRegistry registry) {
        this.decoder = decoder;
        this.scoring = scoring;
        this.mapper = mapper;
        this.scores = scores;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.tombstones = Counter.builder("balloon.scoring.tombstones").description("retractions passed on as score tombstones")
                .register(registry);
    }

    @Incoming("actions")
    public Uni<Void> process(ConsumerRecord<String, String> record) {
        ActionRecordDecoder.Decoded decoded = decoder.decode(record.key(), record.value());
        if (decoded instanceof Tombstone t) {
            tombstones.increment();
            return send(scores, t.key(), null, ScoreHeaders.forScore(t.key(), record.headers(), scoring.modelVersion()));
        }
        if (decoded instanceof Poison p) {
            return deadLetter(record, p);
        }
        Action a = (Action) decoded;
        ActionScore score;
        String json;
        try {
            score = scoring.score(a.action(), Instant.ofEpochMilli(record.timestamp()), ScoringService.Source.STREAM);
            json = mapper.writeValueAsString(score);
        } catch (RuntimeException | JsonProcessingException e) {
            // an action that passed validation but breaks the engine is a bug, and still must not stop the stream
            LOG.errorf(e, "cannot score action %s", record.key());
            return deadLetter(record, new Poison("scoring-failed", e.getClass().getName(), e.getMessage()));
        }
        return send(scores, record.key(), json, ScoreHeaders.forScore(record.key(), record.headers(), score.modelVersion()));
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, String> record, Poison p) {
        LOG.warnf("record %s-%d@%d to the DLQ: %s (%s)", record.topic(), record.partition(), record.offset(), p.reason(), p.cause());
        Counter.builder("balloon.scoring.dlq").description("records sent to the dead-letter topic")
                .tag("reason", p.reason().toLowerCase(Locale.ROOT)).register(registry).increment();
        return send(deadLetters, record.key(), record.value(), ScoreHeaders.forDeadLetter(record.headers(), p.reason(),
                p.exception(), p.cause(), record.topic(), record.partition(), record.offset()));
    }

    private static Uni<Void> send(MutinyEmitter<Record<String, String>> emitter, String key, String value, Headers headers) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key).withHeaders(headers).build();
        // completes when the broker has acknowledged the record, which then acknowledges the incoming one
        return emitter.sendMessage(Message.of(Record.of(key, value)).addMetadata(metadata));
    }
}
