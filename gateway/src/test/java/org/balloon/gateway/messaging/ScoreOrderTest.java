package org.balloon.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The order in which a poll's scores are stored and streamed. */
class ScoreOrderTest {

    @Test
    void aPollIsMergedByTimestampWhileEachPartitionKeepsItsOwnOrder() {
        TopicPartition p0 = new TopicPartition("scores", 0);
        TopicPartition p1 = new TopicPartition("scores", 1);
        // partition 1 holds a record whose timestamp went backwards: it must still follow its predecessor
        ConsumerRecords<String, String> poll = new ConsumerRecords<>(Map.of(
                p0, List.of(record(0, 0, "a", 10), record(0, 1, "c", 30)),
                p1, List.of(record(1, 0, "b", 20), record(1, 1, "d", 5), record(1, 2, "e", 40))), Map.of());

        List<String> order = ScoreConsumer.inTimestampOrder(poll).stream().map(ConsumerRecord::key).toList();

        assertThat(order).containsExactly("a", "b", "d", "c", "e");
    }

    private static ConsumerRecord<String, String> record(int partition, long offset, String key, long timestamp) {
        return new ConsumerRecord<>("scores", partition, offset, timestamp, TimestampType.CREATE_TIME, 0, 0, key, "{}",
                new RecordHeaders(), Optional.empty());
    }
}
