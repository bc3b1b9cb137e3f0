package org.balloon.scoring.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.balloon.contracts.ActionScore;
import org.balloon.scoring.messaging.ActionRecordDecoder.Action;
import org.balloon.scoring.messaging.ActionRecordDecoder.Poison;
import org.balloon.scoring.messaging.ActionRecordDecoder.Tombstone;
import org.balloon.scoring.service.ScoringService;
import org.jboss.logging.Logger;

/**
 * Scores one record of the actions topic: a score (or, for a retraction, a score tombstone) to the
 * scores topic, a record that cannot be scored to the DLQ with its reason and where it came from.
 *
 * <p>The output is idempotent: the same action yields the same key, headers and bytes (scoredAt is
 * the action's receivedAt, the record keeps the input's timestamp), so a replay after a crash only
 * repeats identical records.
 */
public final class ScoreProcessor implements Processor<String, String, String, String> {

    private static final Logger LOG = Logger.getLogger(ScoreProcessor.class);

    /** What the processor needs; one set shared by every task's processor. */
    public record Dependencies(ActionRecordDecoder decoder, ScoringService scoring, ObjectMapper mapper, MeterRegistry registry) {
    }

    private final Dependencies deps;
    private final Counter tombstones;
    private ProcessorContext<String, String> context;

    ScoreProcessor(Dependencies deps) {
        this.deps = deps;
        this.tombstones = Counter.builder("balloon.scoring.tombstones").description("retractions passed on as score tombstones")
                .register(deps.registry());
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, String> record) {
        ActionRecordDecoder.Decoded decoded = deps.decoder().decode(record.key(), record.value());
        if (decoded instanceof Tombstone t) {
            tombstones.increment();
            forward(record, ScoringTopology.SCORES_SINK, t.key(), null, deps.scoring().modelVersion());
            return;
        }
        if (decoded instanceof Poison p) {
            deadLetter(record, p);
            return;
        }
        Action a = (Action) decoded;
        ActionScore score;
        String json;
        try {
            score = deps.scoring().score(a.action(), Instant.ofEpochMilli(record.timestamp()), ScoringService.Source.STREAM);
            json = deps.mapper().writeValueAsString(score);
        } catch (RuntimeException | JsonProcessingException e) {
            // an action that passed validation but breaks the engine is a bug, and still must not stop the stream
            LOG.errorf(e, "cannot score action %s", record.key());
            deadLetter(record, new Poison("scoring-failed", e.getClass().getName(), e.getMessage()));
            return;
        }
        forward(record, ScoringTopology.SCORES_SINK, record.key(), json, score.modelVersion());
    }

    private void forward(Record<String, String> in, String sink, String key, String value, String modelVersion) {
        context.forward(new Record<>(key, value, in.timestamp(), ScoreHeaders.forScore(key, in.headers(), modelVersion)), sink);
    }

    private void deadLetter(Record<String, String> in, Poison p) {
        context.forward(deadLetterRecord(in, p, context.recordMetadata().orElseThrow(), deps.registry()), ScoringTopology.DLQ_SINK);
    }

    /** The DLQ record of a poison record: its key and value unchanged, the reason and its origin as headers. */
    static Record<String, String> deadLetterRecord(Record<String, String> in, Poison p, RecordMetadata origin, MeterRegistry registry) {
        LOG.warnf("record %s-%d@%d to the DLQ: %s (%s)", origin.topic(), origin.partition(), origin.offset(), p.reason(), p.cause());
        Counter.builder("balloon.scoring.dlq").description("records sent to the dead-letter topic")
                .tag("reason", p.reason().toLowerCase(Locale.ROOT)).register(registry).increment();
        return new Record<>(in.key(), in.value(), in.timestamp(), ScoreHeaders.forDeadLetter(in.headers(), p.reason(),
                p.exception(), p.cause(), origin.topic(), origin.partition(), origin.offset()));
    }
}
