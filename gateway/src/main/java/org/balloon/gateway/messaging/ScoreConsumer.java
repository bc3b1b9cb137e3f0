package org.balloon.gateway.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.balloon.contracts.ActionScore;
import org.balloon.gateway.domain.StoreResult;
import org.balloon.gateway.persistence.ScoreStore;
import org.balloon.gateway.service.ScoreBroadcaster;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code balloon.action-scores.v1} into the score store, one record at a time and in
 * order (so sequences are committed in the order they are handed out), then hands each new score
 * to the live stream. A tombstone retracts the action.
 */
@ApplicationScoped
public class ScoreConsumer {

    private static final Logger LOG = Logger.getLogger(ScoreConsumer.class);

    private final ScoreStore store;
    private final ScoreBroadcaster broadcaster;
    private final MeterRegistry metrics;
    // a consumer reads tolerantly: a field a newer producer adds must not make scores vanish
    private final ObjectReader reader;
    // the store's highest sequence before this replica stored anything (-1: not read yet)
    private long startWatermark = -1;

    public ScoreConsumer(ScoreStore store, ScoreBroadcaster broadcaster, ObjectMapper mapper, MeterRegistry metrics) {
        this.store = store;
        this.broadcaster = broadcaster;
        this.metrics = metrics;
        this.reader = mapper.readerFor(ActionScore.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Incoming("scores")
    @Blocking
    // a database hiccup is waited out; past that the message fails, the channel reports unhealthy
    // and a restart resumes from the last committed offset
    @Retry(maxRetries = 20, delay = 500, jitter = 200, retryOn = org.balloon.gateway.persistence.StoreException.class)
    public void consume(ConsumerRecord<String, String> record) {
        if (startWatermark < 0) {
            startWatermark = store.maxSequence();
        }
        if (record.value() == null) {
            retract(record.key());
            return;
        }
        ActionScore score;
        try {
            score = reader.readValue(record.value());
        } catch (JsonProcessingException e) {
            skip(record, e.getOriginalMessage());
            return;
        }
        if (score.actionId() == null || score.modelVersion() == null) {
            skip(record, "no actionId or modelVersion");
            return;
        }
        StoreResult result = store.upsert(score, record.value());
        metrics.counter("balloon.gateway.scores.consumed", "changed", Boolean.toString(result.changed())).increment();
        // a changed score is news; an unchanged one is news only if another replica sharing the
        // schema stored it after this replica started (an old record re-read is not)
        boolean news = result.changed() || result.score().seq() > startWatermark;
        if (news && !result.score().retracted()) {
            broadcaster.publish(result.score());
        }
    }

    private void retract(String key) {
        UUID actionId;
        try {
            actionId = UUID.fromString(key);
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("tombstone with a key that is no action id: %s", key);
            return;
        }
        int hidden = store.retract(actionId);
        metrics.counter("balloon.gateway.scores.retracted").increment();
        LOG.debugf("action %s retracted (%d scores hidden)", actionId, hidden);
    }

    private void skip(ConsumerRecord<String, String> record, String why) {
        metrics.counter("balloon.gateway.scores.unreadable").increment();
        LOG.warnf("skipping unreadable score record %s-%d@%d (key %s): %s",
                record.topic(), record.partition(), record.offset(), record.key(), why);
    }
}
