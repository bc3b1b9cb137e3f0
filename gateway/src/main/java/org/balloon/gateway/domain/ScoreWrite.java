package org.balloon.gateway.domain;

import java.util.UUID;
import org.balloon.contracts.ActionScore;

/** One record of the scores topic as the store takes it: a score to upsert or a retraction. */
public sealed interface ScoreWrite {

    UUID actionId();

    /**
     * A score, the JSON exactly as it came off the topic (served byte for byte), and the trace id of
     * its traceparent header (null without one).
     */
    record Upsert(ActionScore score, String json, String traceId) implements ScoreWrite {

        public Upsert(ActionScore score, String json) {
            this(score, json, null);
        }

        @Override
        public UUID actionId() {
            return score.actionId();
        }
    }

    /** A tombstone: the action was retracted. */
    record Retraction(UUID actionId) implements ScoreWrite {
    }
}
