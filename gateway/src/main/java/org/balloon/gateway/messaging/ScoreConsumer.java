package org.balloon.gateway.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.TolerantReader;
import org.balloon.contracts.Topics;
import org.balloon.contracts.TopicNames;
import org.balloon.contracts.tracing.RecordTracing;
import org.balloon.gateway.domain.BatchResult;
import org.balloon.gateway.domain.ScoreWrite;
import org.balloon.gateway.domain.StoreResult;
import org.balloon.gateway.domain.StoredScore;
import org.balloon.gateway.persistence.ScoreStore;
import org.balloon.gateway.persistence.StoreException;
import org.balloon.gateway.service.ScoreBroadcaster;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code balloon.action-scores.v1} into the score store a whole poll at a time: one
 * transaction stores the poll's scores, its retractions and how far each partition was read
 * (so a restart resumes there, see {@link ScorePositions}); then the new scores go to the live
 * stream in sequence order.
 *
 * <p>A database outage is waited out, however long, with capped back-off: the poll is retried
 * until it is stored, and the consumer never gives up for good. A score the database refuses
 * (text it cannot hold) is set aside with a log line and a metric; the rest of the poll flows.
 */
@ApplicationScoped
public class ScoreConsumer {

    private static final Logger LOG = Logger.getLogger(ScoreConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ScoreStore store;
    private final ScoreBroadcaster broadcaster;
    private final String topic;
    // a consumer reads tolerantly: a field a newer producer adds must not make scores vanish
    private final ObjectReader reader;
    private final Counter unreadable;
    private final Counter rejected;
    private final Counter retracted;
    private final Counter storeFailures;
    private final MeterRegistry metrics;
    private final Tracer tracer;
    // the store's highest sequence before this replica stored anything (-1: not read yet)
    private long startWatermark = -1;
    // released at shutdown: a back-off in progress ends at once instead of holding the stop
    private final CountDownLatch stopping = new CountDownLatch(1);

    public ScoreConsumer(ScoreStore store, ScoreBroadcaster broadcaster, ObjectMapper mapper, MeterRegistry metrics,
            TopicNames topics, Tracer tracer, @ConfigProperty(name = "quarkus.otel.sdk.disabled") boolean tracingOff) {
        this.store = store;
        this.tracer = RecordTracing.tracer(tracer, tracingOff);
        this.broadcaster = broadcaster;
        this.topic = topics.actionScores();
        this.metrics = metrics;
        Counter unknownFields = Counter.builder("balloon.topic.unknown.fields")
                .description("fields of topic records that this service does not know and skipped")
                .tag("topic", this.topic).register(metrics);
        this.reader = TolerantReader.of(mapper, ActionScore.class, field -> unknownFields.increment());
        this.unreadable = metrics.counter("balloon.gateway.scores.unreadable");
        this.rejected = Counter.builder("balloon.gateway.scores.rejected")
                .description("scores the database refused to hold, set aside").register(metrics);
        this.retracted = metrics.counter("balloon.gateway.scores.retracted");
        this.storeFailures = Counter.builder("balloon.gateway.store.failures")
                .description("attempts to store a poll of scores that failed and were retried").register(metrics);
    }

    @Incoming("scores")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        List<ScoreWrite> writes = new ArrayList<>(records.count());
        Map<Integer, Long> nextOffsets = new LinkedHashMap<>();
        // a span per traced record, under its trace, for the store and broadcast of the whole poll
        List<Span> spans = new ArrayList<>();
        try {
            for (ConsumerRecord<String, String> record : inTimestampOrder(records)) {
                nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
                String traceparent = header(record, Topics.HEADER_TRACEPARENT);
                if (RecordTracing.parent(traceparent) != null) {
                    Span span = RecordTracing.start(tracer, topic + " store and broadcast", SpanKind.CONSUMER, topic, traceparent);
                    span.setAttribute("balloon.action.id", String.valueOf(record.key()));
                    span.setAttribute("balloon.poll.records", records.count());
                    spans.add(span);
                }
                ScoreWrite w = read(record, traceparent);
                if (w != null) {
                    writes.add(w);
                }
            }
            storeAndBroadcast(writes, nextOffsets);
        } catch (RuntimeException | InterruptedException e) {
            spans.forEach(span -> span.recordException(e).setStatus(StatusCode.ERROR));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }

    private void storeAndBroadcast(List<ScoreWrite> writes, Map<Integer, Long> nextOffsets) throws InterruptedException {
        BatchResult result = storeUntilDone(writes, nextOffsets);
        if (startWatermark < 0) {
            // read after the first store: what this replica stores from now on is above it... except
            // the first batch itself, whose changed rows are news anyway
            startWatermark = store.maxSequence();
        }
        int changed = 0;
        List<StoredScore> news = new ArrayList<>(result.stored().size());
        for (StoreResult r : result.stored()) {
            changed += r.changed() ? 1 : 0;
            // a changed score is news; an unchanged one is news only if another replica sharing the
            // schema stored it after this replica started (an old record re-read is not)
            boolean isNews = r.changed() || r.score().seq() > startWatermark;
            if (isNews && !r.score().retracted() && !result.retracted().contains(r.score().actionId())) {
                news.add(r.score());
            }
        }
        broadcaster.publish(news);
        retracted.increment(result.retracted().size());
        // every score record consumed counts once: those that changed nothing include redeliveries
        // within the same poll (only the last of them reaches the database) and refused ones
        long upserts = writes.stream().filter(w -> w instanceof ScoreWrite.Upsert).count();
        metrics.counter("balloon.gateway.scores.consumed", "changed", "true").increment(changed);
        metrics.counter("balloon.gateway.scores.consumed", "changed", "false").increment(upserts - changed);
    }

    private BatchResult storeUntilDone(List<ScoreWrite> writes, Map<Integer, Long> nextOffsets) throws InterruptedException {
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                return store.storeBatch(writes, topic, nextOffsets);
            } catch (StoreException e) {
                if (e.isDataError()) {
                    return oneByOne(writes, nextOffsets);
                }
                storeFailures.increment();
                LOG.warnf("cannot store %d score records, retrying in %d ms: %s", writes.size(), backoff.toMillis(), rootCause(e));
                if (stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw e;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** The slow path for a poll the database refused: each record alone, the refused ones set aside. */
    private BatchResult oneByOne(List<ScoreWrite> writes, Map<Integer, Long> nextOffsets) {
        List<StoreResult> stored = new ArrayList<>();
        java.util.Set<UUID> retractions = new java.util.LinkedHashSet<>();
        int refused = 0;
        for (ScoreWrite w : writes) {
            try {
                BatchResult one = store.storeBatch(List.of(w), topic, Map.of());
                stored.addAll(one.stored());
                retractions.addAll(one.retracted());
            } catch (StoreException e) {
                if (!e.isDataError()) {
                    throw e;
                }
                refused++;
                rejected.increment();
                LOG.errorf("score record of action %s refused by the database, set aside: %s", w.actionId(), rootCause(e));
            }
        }
        store.savePositions(topic, nextOffsets);
        stored.sort(Comparator.comparingLong(r -> r.score().seq()));
        return new BatchResult(stored, retractions, refused);
    }

    /**
     * A poll's records partition by partition would put scores on the live stream in another order
     * than they were made; merged by timestamp (each partition's own order kept, as Kafka Streams
     * merges its inputs) they come out in the order of the actions.
     */
    static List<ConsumerRecord<String, String>> inTimestampOrder(ConsumerRecords<String, String> records) {
        List<List<ConsumerRecord<String, String>>> partitions = new ArrayList<>();
        for (TopicPartition tp : records.partitions()) {
            partitions.add(records.records(tp));
        }
        if (partitions.size() <= 1) {
            return partitions.isEmpty() ? List.of() : partitions.get(0);
        }
        int[] next = new int[partitions.size()];
        // a partition is re-queued only after its head moved, so the comparator sees stable keys
        PriorityQueue<Integer> heads = new PriorityQueue<>(Comparator
                .comparingLong((Integer p) -> partitions.get(p).get(next[p]).timestamp()).thenComparingInt(p -> p));
        for (int p = 0; p < partitions.size(); p++) {
            heads.add(p);
        }
        List<ConsumerRecord<String, String>> merged = new ArrayList<>(records.count());
        while (!heads.isEmpty()) {
            int p = heads.poll();
            merged.add(partitions.get(p).get(next[p]++));
            if (next[p] < partitions.get(p).size()) {
                heads.add(p);
            }
        }
        return merged;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private ScoreWrite read(ConsumerRecord<String, String> record, String traceparent) {
        if (record.value() == null) {
            try {
                return new ScoreWrite.Retraction(UUID.fromString(record.key()));
            } catch (IllegalArgumentException | NullPointerException e) {
                skip(record, "a tombstone whose key is no action id");
                return null;
            }
        }
        ActionScore score;
        try {
            score = reader.readValue(record.value());
        } catch (JsonProcessingException e) {
            skip(record, e.getOriginalMessage());
            return null;
        }
        if (score == null || score.actionId() == null || score.modelVersion() == null) {
            skip(record, "no actionId or modelVersion");
            return null;
        }
        // the trace id of a well-formed traceparent (00-<trace id>-<span id>-<flags>)
        String traceId = RecordTracing.parent(traceparent) == null ? null : traceparent.substring(3, 35);
        return new ScoreWrite.Upsert(score, record.value(), traceId);
    }

    private void skip(ConsumerRecord<String, String> record, String why) {
        unreadable.increment();
        LOG.warnf("skipping unreadable score record %s-%d@%d (key %s): %s",
                record.topic(), record.partition(), record.offset(), record.key(), why);
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.toString();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping.countDown();
    }
}
