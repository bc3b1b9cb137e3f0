package org.balloon.bench.kafka;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Clients of the stack's broker, configured as Balloon's own services configure theirs. */
public final class BenchKafka {

    private final String bootstrap;

    public BenchKafka(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Creates the run's topics (auto-creation is off on Balloon's broker) and waits for them. */
    public void createTopics(Map<String, Integer> partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = partitions.entrySet().stream()
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1)).toList();
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            // created is not yet writable: wait until every partition has a leader (bounded)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!allLed(admin, partitions.keySet())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the run's topics have no leaders after 60 s: " + partitions.keySet());
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    private static boolean allLed(Admin admin, java.util.Collection<String> names) throws Exception {
        return admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                .flatMap(d -> d.partitions().stream()).allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    }

    /** Deletes the run's topics; a failure only leaves some data on the broker, so it is not fatal. */
    public void deleteTopics(List<String> names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteTopics(names).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("bench: could not delete topics " + names + ": " + e);
        }
    }

    /** acks=all and idempotent, like every producer of Balloon; {@code lingerMs} and compression as given. */
    public Properties producerConfig(String clientId, int lingerMs, String compression) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        // a loaded machine must show as a slow figure, not as records given up on
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        return p;
    }

    public KafkaProducer<String, String> stringProducer(String clientId, int lingerMs, String compression) {
        return new KafkaProducer<>(producerConfig(clientId, lingerMs, compression), new StringSerializer(),
                new StringSerializer());
    }

    /**
     * A producer for setting up a run's input, not for measuring: not idempotent, one request in
     * flight. A fresh topic's first idempotent batches have been seen to fail with
     * OutOfOrderSequenceException here and stall the pre-fill; with one request in flight a retry
     * cannot reorder, and a duplicate would need a lost response on loopback.
     */
    public KafkaProducer<String, String> setupProducer(String clientId) {
        Properties p = producerConfig(clientId, 5, "lz4");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    public KafkaProducer<byte[], byte[]> bytesProducer(String clientId, int lingerMs) {
        Properties p = producerConfig(clientId, lingerMs, "none");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A consumer; {@code group} null means no group (assign() only, nothing committed). */
    public Properties consumerConfig(String group, int maxPollRecords) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        if (group != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        return p;
    }

    public KafkaConsumer<String, String> stringConsumer(String group, int maxPollRecords) {
        return new KafkaConsumer<>(consumerConfig(group, maxPollRecords), new StringDeserializer(), new StringDeserializer());
    }

    public KafkaConsumer<byte[], byte[]> bytesConsumer(int maxPollRecords) {
        return new KafkaConsumer<>(consumerConfig(null, maxPollRecords), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }
}
