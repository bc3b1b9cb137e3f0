package org.balloon.scoring.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.PolicyAction;
import org.balloon.scoring.engine.HistoryIndex;
import org.balloon.scoring.engine.ScoringEngine;

/**
 * The engine with its metrics: how many actions were scored (by where the request came from) and
 * how long the engine took.
 */
@ApplicationScoped
public class ScoringService {

    /** Where a score was asked for; a tag of the scored counter. */
    public enum Source { STREAM, PREVIEW, RESCORE }

    private final ScoringEngine engine;
    private final MeterRegistry registry;
    private final Timer latency;

    public ScoringService(ScoringEngine engine, MeterRegistry registry) {
        this.engine = engine;
        this.registry = registry;
        this.latency = Timer.builder("balloon.scoring.latency")
                .description("time the engine takes to score one action")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** Scores an action; scoredAt is its receivedAt when it has one (see ScoringEngine). */
    public ActionScore score(PolicyAction action, Source source) {
        ActionScore score = latency.record(() -> engine.score(action));
        scored(source).increment();
        return score;
    }

    /** Scores a record that lacks receivedAt at the given logical time (the record's own timestamp). */
    public ActionScore score(PolicyAction action, Instant fallbackScoredAt, Source source) {
        Instant at = action.receivedAt() != null ? action.receivedAt() : fallbackScoredAt;
        ActionScore score = latency.record(() -> engine.score(action, at));
        scored(source).increment();
        return score;
    }

    /** Scores in the context of the record's earlier, non-retracted actions (issue 14, ScoringEngine). */
    public ActionScore score(PolicyAction action, Instant fallbackScoredAt, Source source, List<PolicyAction> earlier) {
        Instant at = action.receivedAt() != null ? action.receivedAt() : fallbackScoredAt;
        ActionScore score = latency.record(() -> engine.score(action, at, earlier));
        scored(source).increment();
        return score;
    }

    /** Whether the active model reads actions in the context of the record. */
    public boolean historyAware() {
        return engine.history() != null;
    }

    /** The active model's look-back, in months (0 without history). */
    /** An empty record indexed for the history factors (issue 14); only when {@link #historyAware()}. */
    public HistoryIndex newHistoryIndex() {
        return new HistoryIndex(engine.history());
    }

    public String modelVersion() {
        return engine.modelVersion();
    }

    private Counter scored(Source source) {
        return Counter.builder("balloon.scoring.scored").description("actions scored")
                .tag("source", source.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
    }
}
