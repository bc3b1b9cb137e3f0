package org.balloon.scoring.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.Topics;
import org.balloon.contracts.tracing.RecordTracing;
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
    public record Dependencies(ActionRecordDecoder decoder, ScoringService scoring, ObjectMapper mapper, MeterRegistry registry,
            Tracer tracer) {

        /** Without tracing (the broker-less topology tests). */
        public Dependencies(ActionRecordDecoder decoder, ScoringService scoring, ObjectMapper mapper, MeterRegistry registry) {
            this(decoder, scoring, mapper, registry, OpenTelemetry.noop().getTracer("balloon-scoring"));
        }
    }

    static Counter deadLetterCounter(MeterRegistry registry, String reason) {
        return Counter.builder("balloon.scoring.dlq").description("records sent to the dead-letter topic")
                .tag("reason", reason.toLowerCase(Locale.ROOT)).register(registry);
    }

    private final Dependencies deps;
    private final Counter tombstones;
    private ProcessorContext<String, String> context;
    // the traceparent of the record being processed (null with tracing off): one stream thread per processor
    private String traceparent;

    ScoreProcessor(Dependencies deps) {
        this.deps = deps;
        this.tombstones = Counter.builder("balloon.scoring.tombstones").description("retractions passed on as score tombstones")
                .register(deps.registry());
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    /**
     * A span per record, under the trace of its traceparent header (the outbox relay's publish
     * span); the score carries this span's context on, so the gateway's work is its child. With
     * tracing on, a redelivered action's score differs in that header only.
     */
    @Override
    public void process(Record<String, String> record) {
        Span span = recordSpan(deps.tracer(), context, record);
        try (Scope scope = span.makeCurrent()) {
            traceparent = RecordTracing.traceparent(span);
            score(record, span);
        } finally {
            traceparent = null;
            span.end();
        }
    }

    private void score(Record<String, String> record, Span span) {
        ActionRecordDecoder.Decoded decoded = deps.decoder().decode(record.key(), record.value());
        if (decoded instanceof Tombstone t) {
            tombstones.increment();
            forward(record, ScoringTopology.SCORES_SINK, t.key(), null, deps.scoring().modelVersion());
            return;
        }
        if (decoded instanceof Poison p) {
            span.setAttribute("balloon.dlq.reason", p.reason());
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
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, "scoring failed");
            deadLetter(record, new Poison("scoring-failed", e.getClass().getName(), e.getMessage()));
            return;
        }
        span.setAttribute("balloon.model.version", score.modelVersion());
        span.setAttribute("balloon.score.overall", score.overall());
        forward(record, ScoringTopology.SCORES_SINK, record.key(), json, score.modelVersion());
    }

    private void forward(Record<String, String> in, String sink, String key, String value, String modelVersion) {
        Headers headers = ScoreHeaders.forScore(key, in.headers(), modelVersion);
        carryTrace(headers, traceparent);
        context.forward(new Record<>(key, value, in.timestamp(), headers), sink);
    }

    private void deadLetter(Record<String, String> in, Poison p) {
        context.forward(deadLetterRecord(in, p, context.recordMetadata().orElseThrow(), deps.registry()), ScoringTopology.DLQ_SINK);
    }

    /** The DLQ record of a poison record: its key and value unchanged, the reason and its origin as headers. */
    static Record<String, String> deadLetterRecord(Record<String, String> in, Poison p, RecordMetadata origin, MeterRegistry registry) {
        LOG.warnf("record %s-%d@%d to the DLQ: %s (%s)", origin.topic(), origin.partition(), origin.offset(), p.reason(), p.cause());
        deadLetterCounter(registry, p.reason()).increment();
        return new Record<>(in.key(), in.value(), in.timestamp(), ScoreHeaders.forDeadLetter(in.headers(), p.reason(),
                p.exception(), p.cause(), origin.topic(), origin.partition(), origin.offset()));
    }

    /** The span of one consumed record, under the trace of its traceparent header (the outbox relay's publish span). */
    static Span recordSpan(Tracer tracer, ProcessorContext<?, ?> context, Record<String, String> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("unknown");
        Header incoming = record.headers().lastHeader(Topics.HEADER_TRACEPARENT);
        Span span = RecordTracing.start(tracer, topic + " process", SpanKind.CONSUMER, topic,
                incoming == null || incoming.value() == null ? null : new String(incoming.value(), StandardCharsets.UTF_8));
        span.setAttribute("balloon.action.id", String.valueOf(record.key()));
        return span;
    }

    /** Makes an output record carry the current record's span on (nothing with tracing off). */
    static void carryTrace(Headers headers, String traceparent) {
        if (traceparent != null) {
            headers.remove(Topics.HEADER_TRACEPARENT);
            headers.add(Topics.HEADER_TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
    }
}
