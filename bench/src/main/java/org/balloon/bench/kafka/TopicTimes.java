package org.balloon.bench.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * When given actions reached a topic, from the records' timestamps (the producer's create time):
 * on the actions topic that is when the outbox relay published them, which splits a batch's end-to-end
 * time into intake (request → on the topic) and scoring (topic → score on the stream).
 */
public final class TopicTimes {

    private TopicTimes() {
    }

    /**
     * The latest timestamp (epoch ms) among records with the given keys written since {@code sinceMillis},
     * reading at most up to the topic's current end and at most {@code timeout}. @return -1 if none found
     */
    public static long lastTimestamp(BenchKafka kafka, String topic, Set<String> keys, long sinceMillis, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        int found = 0;
        try (KafkaConsumer<String, String> c = kafka.stringConsumer(null, 5_000)) {
            List<TopicPartition> tps = c.partitionsFor(topic).stream()
                    .map((PartitionInfo p) -> new TopicPartition(topic, p.partition())).toList();
            c.assign(tps);
            Map<TopicPartition, Long> query = new HashMap<>();
            tps.forEach(tp -> query.put(tp, sinceMillis));
            Map<TopicPartition, OffsetAndTimestamp> start = c.offsetsForTimes(query);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            for (TopicPartition tp : tps) {
                OffsetAndTimestamp o = start.get(tp);
                c.seek(tp, o == null ? end.get(tp) : o.offset());
            }
            while (found < keys.size() && System.nanoTime() < deadline && !atEnd(c, end)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (r.key() != null && keys.contains(r.key())) {
                        found++;
                        last = Math.max(last, r.timestamp());
                    }
                }
            }
        }
        return last;
    }

    private static boolean atEnd(KafkaConsumer<?, ?> c, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
