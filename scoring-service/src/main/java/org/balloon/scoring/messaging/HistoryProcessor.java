package org.balloon.scoring.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.tracing.RecordTracing;
import org.balloon.scoring.engine.HistoryIndex;
import org.balloon.scoring.messaging.ActionRecordDecoder.Action;
import org.balloon.scoring.service.ScoringService;
import org.jboss.logging.Logger;

/**
 * The record's memory (issue 14): scores every action in the context of the earlier,
 * non-retracted actions of the record, and keeps every score current.
 *
 * <p>It runs on the record's single sequence (a one-partition repartition topic), so it sees every
 * action and retraction, one at a time. State lives in two persistent Kafka Streams stores with
 * changelog topics: {@value #ACTIONS_STORE} (action id → the action as published) and
 * {@value #SCORES_STORE} (action id → the fingerprint of the last score published). The record indexed the way the
 * factors read it ({@link HistoryIndex}) is rebuilt from the first store when the task starts, so a
 * restart or a move to another instance forgets nothing.
 *
 * <p>When an action arrives (or is retracted), its own score is published, and the later actions
 * whose score can rest on it ({@link HistoryIndex#affectedBy}) are re-scored at the next flush (every
 * {@link #FLUSH}, each once however many changes touched it); a re-score is published only
 * when it differs from the last one. Each score reads only the few earlier actions its factors
 * can rest on ({@link HistoryIndex#candidates}), so neither cost grows with the record. So the final scores depend only on the set of actions, not on the order they arrived in:
 * a back-dated action updates the later scores it changes, a retraction takes its weight out of them.
 * At start every score is re-computed once against the stores (a model upgrade publishes the new
 * scores; otherwise nothing changes and nothing is published).
 */
final class HistoryProcessor implements Processor<String, String, String, String> {

    static final String ACTIONS_STORE = "history-actions";
    static final String SCORES_STORE = "history-scores";
    /** How long a re-score of later actions may wait, gathering a burst of changes (see {@link #flush}). */
    static final Duration FLUSH = Duration.ofMillis(100);

    private static final Logger LOG = Logger.getLogger(HistoryProcessor.class);

    private final ScoreProcessor.Dependencies deps;
    // the current record's span while it is processed (null outside process)
    private String traceparent;
    private final Counter rescored;
    private final HistoryIndex index;
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, String> actions;
    private KeyValueStore<String, String> scores;
    private Cancellable catchUp;
    /** Later actions whose score may have changed, re-scored together at the next flush (ids). */
    private final Set<String> stale = new LinkedHashSet<>();

    HistoryProcessor(ScoreProcessor.Dependencies deps) {
        this.deps = deps;
        this.index = deps.scoring().newHistoryIndex();
        this.rescored = Counter.builder("balloon.scoring.history.rescored")
                .description("later actions re-scored because an earlier action arrived or was retracted").register(deps.registry());
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.actions = context.getStateStore(ACTIONS_STORE);
        this.scores = context.getStateStore(SCORES_STORE);
        try (KeyValueIterator<String, String> all = actions.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> kv = all.next();
                if (deps.decoder().decode(kv.key, kv.value) instanceof Action a) {
                    index.put(a.action());
                }
            }
        }
        LOG.infof("history: %d actions of the record restored", index.size());
        // once, as soon as the task runs: bring every stored score up to the current model
        catchUp = context.schedule(Duration.ofMillis(100), PunctuationType.WALL_CLOCK_TIME, ts -> {
            catchUp.cancel();
            new ArrayList<>(index.all()).forEach(a -> publish(a, new RecordHeaders(), ts, false));
        });
        context.schedule(FLUSH, PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    /**
     * A span per record under the trace of its traceparent header, as on the plain path
     * ({@link ScoreProcessor}); the record's own score carries this span on to the gateway.
     */
    @Override
    public void process(Record<String, String> record) {
        Span span = ScoreProcessor.recordSpan(deps.tracer(), context, record);
        try (Scope scope = span.makeCurrent()) {
            traceparent = RecordTracing.traceparent(span);
            processInSpan(record);
        } finally {
            traceparent = null;
            span.end();
        }
    }

    private void processInSpan(Record<String, String> record) {
        String id = record.key();
        if (record.value() == null) {
            PolicyAction old = forget(id);
            scores.delete(id);
            context.forward(new Record<>(id, null, record.timestamp(), ScoreHeaders.forScore(id, record.headers(), deps.scoring().modelVersion())));
            if (old != null) {
                rescoreAfter(old);
            }
            return;
        }
        String json = record.value().substring(SequenceProcessor.ACTION.length());
        if (!(deps.decoder().decode(id, json) instanceof Action decoded)) {
            LOG.errorf("history: record %s no longer decodes as an action; skipped", id);
            return;
        }
        PolicyAction action = decoded.action();
        if (json.equals(actions.get(id))) {
            // a redelivery: the record is unchanged, its score is published again (byte-identical)
            publish(action, record.headers(), record.timestamp(), true);
            return;
        }
        PolicyAction replaced = forget(id);
        actions.put(id, json);
        index.put(action);
        publish(action, record.headers(), record.timestamp(), true);
        rescoreAfter(action);
        if (replaced != null) {
            rescoreAfter(replaced);
        }
    }

    /**
     * Marks the later actions whose score can rest on {@code changed} (the index knows which: only those
     * with fewer than a factor's nearest between the two) for the next {@link #flush}.
     */
    private void rescoreAfter(PolicyAction changed) {
        index.affectedBy(changed).forEach(a -> stale.add(a.id().toString()));
    }

    /**
     * Re-scores what changed since the last flush, each action once, publishing those whose score changed.
     * Why not at once: a burst of back-dated actions (an import, a batch) touches the same later actions
     * again and again; deferred by at most {@link #FLUSH}, each is re-scored once against the record as it
     * then stands, which is also where it would end. Nothing is lost in a crash before a flush: the catch-up
     * at start re-scores every action against the stores.
     */
    private void flush(long timestamp) {
        if (stale.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(stale);
        stale.clear();
        for (String id : ids) {
            PolicyAction later = index.get(id);
            if (later != null && publish(later, new RecordHeaders(), timestamp, false)) {
                rescored.increment();
            }
        }
    }

    /** Scores one action against the record; publishes it when {@code always} or when it changed. */
    private boolean publish(PolicyAction action, Headers headers, long timestamp, boolean always) {
        String id = action.id().toString();
        String json;
        ActionScore score;
        try {
            score = deps.scoring().score(action, Instant.ofEpochMilli(timestamp), ScoringService.Source.STREAM, index.candidates(action));
            json = deps.mapper().writeValueAsString(score);
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.errorf(e, "history: cannot score action %s", id);
            return false;
        }
        // the store keeps a fingerprint, not the score: the comparison needs no more, and the
        // changelog and the store stay small (a score is kilobytes)
        String fingerprint = fingerprint(json);
        if (!always && fingerprint.equals(scores.get(id))) {
            return false;
        }
        scores.put(id, fingerprint);
        Headers out = ScoreHeaders.forScore(id, headers, score.modelVersion());
        if (always) {
            // the record's own score (not a later one re-scored because of it) continues its trace
            ScoreProcessor.carryTrace(out, traceparent);
        }
        context.forward(new Record<>(id, json, timestamp, out));
        return true;
    }

    /** The first 128 bits of the SHA-256 of a score's JSON, as hex. */
    static String fingerprint(String json) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private PolicyAction forget(String id) {
        actions.delete(id);
        return index.remove(id);
    }
}
