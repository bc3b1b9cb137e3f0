package org.balloon.events.rest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counters of what intake accepted and rejected (by reason), for dashboards and alerts. */
@ApplicationScoped
public class IntakeMetrics {

    private final MeterRegistry registry;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param source "single" or "batch" */
    public void accepted(String source, int count) {
        Counter.builder("balloon.actions.accepted").description("actions stored (and queued for publishing)")
                .tag("source", source).register(registry).increment(count);
    }

    /** @param reason e.g. "invalid", "malformed", "too_large", "unsupported_media_type", "idempotency_conflict" */
    public void rejected(String source, String reason, int count) {
        Counter.builder("balloon.actions.rejected").description("actions or requests refused by intake")
                .tag("source", source).tag("reason", reason).register(registry).increment(count);
    }
}
