package org.balloon.gateway.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.balloon.gateway.persistence.ScoreStore;
import org.balloon.gateway.persistence.StoreException;
import org.jboss.logging.Logger;

/**
 * Puts the score consumer where the store left off: the store keeps, in the same transaction as
 * the scores, the next offset of every partition, so a restart or rebalance resumes there instead
 * of re-reading the whole topic. A partition the store has never read starts at the earliest
 * record (a fresh or lost schema fills itself again).
 */
@ApplicationScoped
@Identifier(ScorePositions.NAME)
public class ScorePositions implements KafkaConsumerRebalanceListener {

    public static final String NAME = "balloon-score-positions";
    private static final Logger LOG = Logger.getLogger(ScorePositions.class);

    private final ScoreStore store;

    public ScorePositions(ScoreStore store) {
        this.store = store;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<Integer, Long> positions;
        try {
            positions = store.positions(partitions.iterator().next().topic());
        } catch (StoreException e) {
            // re-reading is only slower, never wrong: the upserts are idempotent
            LOG.warnf("cannot read the stored positions, reading from the committed or earliest offsets: %s", e.getMessage());
            return;
        }
        for (TopicPartition tp : partitions) {
            Long next = positions.get(tp.partition());
            if (next != null) {
                consumer.seek(tp, next);
            }
        }
        LOG.debugf("score consumer resumes at %s", positions);
    }
}
