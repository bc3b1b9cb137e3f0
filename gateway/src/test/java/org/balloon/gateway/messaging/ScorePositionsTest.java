package org.balloon.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.balloon.gateway.persistence.ScoreStore;
import org.balloon.gateway.persistence.StoreException;
import org.junit.jupiter.api.Test;

/** Where the score consumer resumes after a restart or rebalance, without a broker or database. */
class ScorePositionsTest {

    static final String TOPIC = "scores";
    static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    @Test
    void aPartitionTheStoreHasReadResumesAtItsStoredPositionAndANewOneAtTheReset() {
        MockConsumer<String, String> consumer = consumer();
        ScorePositions positions = new ScorePositions(storeWith(Map.of(0, 1234L)));

        positions.onPartitionsAssigned(consumer, List.of(P0, P1));

        assertThat(consumer.position(P0)).isEqualTo(1234L);
        assertThat(consumer.position(P1)).as("never read: the earliest record").isEqualTo(0L);
    }

    @Test
    void anUnreadableStoreMeansReReadingNotFailing() {
        MockConsumer<String, String> consumer = consumer();
        ScorePositions positions = new ScorePositions(new ScoreStore(null, null) {
            @Override
            public Map<Integer, Long> positions(String topic) {
                throw new StoreException("database away", new java.sql.SQLException("connection refused", "08001"));
            }
        });

        positions.onPartitionsAssigned(consumer, List.of(P0));

        assertThat(consumer.position(P0)).isEqualTo(0L);
    }

    private static MockConsumer<String, String> consumer() {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        return consumer;
    }

    private static ScoreStore storeWith(Map<Integer, Long> stored) {
        return new ScoreStore(null, null) {
            @Override
            public Map<Integer, Long> positions(String topic) {
                return stored;
            }
        };
    }
}
