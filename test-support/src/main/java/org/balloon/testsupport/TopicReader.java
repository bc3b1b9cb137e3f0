package org.balloon.testsupport;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic of the run's broker, from the beginning, without a consumer group, so a
 * test sees exactly what was published (including tombstones, as records with a null value).
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    private TopicReader(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", bootstrapServers);
        p.setProperty("enable.auto.commit", "false");
        p.setProperty("isolation.level", "read_committed");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** A reader of one of the contract's topics, under this run's name for it. */
    public static TopicReader of(String contractTopic) {
        return new TopicReader(LocalKafka.get().bootstrapServers(), LocalKafka.get().topic(contractTopic));
    }

    /** A reader of a topic on another broker (e.g. a {@link KafkaBrokerProcess} of a test's own). */
    public static TopicReader on(String bootstrapServers, String topic) {
        return new TopicReader(bootstrapServers, topic);
    }

    /** Every record read so far, after reading what has arrived since the last call. */
    public synchronized List<ConsumerRecord<String, String>> records() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return List.copyOf(records);
    }

    /** The records with this key read so far (after a fresh poll). */
    public List<ConsumerRecord<String, String>> recordsWithKey(String key) {
        return records().stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Waits until at least {@code count} records match, and returns all that match. */
    public List<ConsumerRecord<String, String>> awaitMatching(Predicate<ConsumerRecord<String, String>> match, int count,
            Duration timeout) {
        List<List<ConsumerRecord<String, String>>> found = new ArrayList<>(1);
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<ConsumerRecord<String, String>> matching = records().stream().filter(match).toList();
            found.clear();
            found.add(matching);
            return matching.size() >= count;
        });
        return found.get(0);
    }

    /** A header's value as text, or null when the record has none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
