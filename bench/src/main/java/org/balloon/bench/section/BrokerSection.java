package org.balloon.bench.section;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.balloon.bench.report.Row;

/**
 * The raw broker on this machine, for scale: a bare producer loop (acks=all, idempotent, ~600-byte
 * values, 6 partitions) and a bare consumer reading the same records back. Not targets: what every
 * other figure can at best approach.
 */
public final class BrokerSection implements Section {

    private static final String PRODUCE = "broker baseline: bare producer, acks=all, idempotent, 600 B values";
    private static final String CONSUME = "broker baseline: bare consumer";
    private static final int PARTITIONS = 6;
    private static final int VALUE_BYTES = 600;

    @Override
    public String name() {
        return "broker";
    }

    @Override
    public List<Row> run(Context ctx) throws Exception {
        int n = ctx.cfg().brokerRecords();
        String topic = ctx.cfg().topic("raw");
        ctx.kafka().createTopics(Map.of(topic, PARTITIONS));
        try {
            ctx.progress(name(), "producing " + n + " records of " + VALUE_BYTES + " B");
            byte[][] values = new byte[64][VALUE_BYTES];
            Random random = new Random(9);
            for (byte[] v : values) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = (byte) ('a' + random.nextInt(26)); // text-like, like the JSON on Balloon's topics
                }
            }
            AtomicLong acked = new AtomicLong();
            AtomicReference<Exception> failure = new AtomicReference<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long t0 = System.nanoTime();
            int sent = 0;
            try (KafkaProducer<byte[], byte[]> producer = ctx.kafka().bytesProducer("bench-raw-producer", 5)) {
                while (sent < n && System.nanoTime() < deadline && failure.get() == null) {
                    byte[] key = Integer.toString(sent).getBytes();
                    producer.send(new ProducerRecord<>(topic, key, values[sent % values.length]), (m, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        } else {
                            acked.incrementAndGet();
                        }
                    });
                    sent++;
                }
                producer.flush();
            }
            double produceSeconds = (System.nanoTime() - t0) / 1e9;
            if (failure.get() != null) {
                throw failure.get();
            }

            ctx.progress(name(), "consuming them back");
            long read = 0;
            long c0 = System.nanoTime();
            try (KafkaConsumer<byte[], byte[]> consumer = ctx.kafka().bytesConsumer(5_000)) {
                List<TopicPartition> tps = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(topic, p)).toList();
                consumer.assign(tps);
                consumer.seekToBeginning(tps);
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (read < acked.get() && System.nanoTime() < until) {
                    ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(200));
                    read += polled.count();
                }
            }
            double consumeSeconds = (System.nanoTime() - c0) / 1e9;
            return List.of(
                    Row.info(PRODUCE, acked.get() / produceSeconds, "rec/s", String.format(Locale.ROOT,
                            "%d records acknowledged in %.2f s (linger 5 ms, 64 KiB batches, no compression)", acked.get(),
                            produceSeconds)),
                    Row.info(CONSUME, read / consumeSeconds, "rec/s", String.format(Locale.ROOT, "%d records in %.2f s",
                            read, consumeSeconds)));
        } finally {
            ctx.kafka().deleteTopics(List.of(topic));
        }
    }

    @Override
    public List<Row> failed(String why) {
        return List.of(Row.failed(PRODUCE, null, why), Row.failed(CONSUME, null, why));
    }
}
