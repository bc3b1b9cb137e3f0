package org.balloon.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The score of one policy action under one model version, as published on
 * {@link Topics#ACTION_SCORES}. Higher always means more likely to fail the way the article
 * says such actions fail.
 *
 * <p>{@code action} is an extra field beyond DESIGN.md: the action that was scored, carried so
 * that consumers (the gateway) can filter and group scores without a second topic.
 *
 * <p>{@code context} is optional and additive (issue 14): the record state a history-aware score
 * used; absent for previews and for scores made without history.
 */
public record ActionScore(
        UUID actionId,
        Integer schemaVersion,
        String modelVersion,
        Instant scoredAt,
        int overall,
        Band band,
        List<CriterionScore> criteria,
        PolicyAction action,
        ScoreContext context) {

    /**
     * The version of this record's JSON shape that this code writes. A compatible change (an
     * optional field added) bumps it on the same topic; readers read every version from
     * {@link #FIRST_SCHEMA_VERSION} on and skip fields they do not know. An incompatible change
     * needs a new topic (balloon.action-scores.v2). See contracts/README.md.
     */
    public static final int SCHEMA_VERSION = 1;
    /** The first version of this topic (v1); a reader refuses anything below it. */
    public static final int FIRST_SCHEMA_VERSION = 1;

    /** A score without history context (the shape before issue 14 added {@code context}). */
    public ActionScore(UUID actionId, Integer schemaVersion, String modelVersion, Instant scoredAt, int overall, Band band,
            List<CriterionScore> criteria, PolicyAction action) {
        this(actionId, schemaVersion, modelVersion, scoredAt, overall, band, criteria, action, null);
    }
}
