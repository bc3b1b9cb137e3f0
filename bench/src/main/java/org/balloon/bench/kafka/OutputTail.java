package org.balloon.bench.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads an output topic from its beginning as records arrive, on a thread of its own, and notes
 * when the first and the last of them arrived. Both scorers are measured by this same tail:
 * rate = records / (last arrival − first arrival), which leaves out how long a scorer takes to start.
 */
public final class OutputTail implements AutoCloseable {

    /** What the tail saw. {@code complete} is whether all expected records arrived in time. */
    public record Result(long records, long firstNanos, long lastNanos, boolean complete) {
        public double perSecond() {
            double seconds = (lastNanos - firstNanos) / 1e9;
            return records < 2 || seconds <= 0 ? Double.NaN : records / seconds;
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final long expected;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;
    private volatile long records;
    private volatile long first;
    private volatile long last;
    private volatile RuntimeException failure;

    public OutputTail(BenchKafka kafka, String topic, int partitions, long expected) {
        this.consumer = kafka.bytesConsumer(5_000);
        this.expected = expected;
        List<TopicPartition> tps = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(tps);
        consumer.seekToBeginning(tps);
        tps.forEach(consumer::position); // resolve the positions now, before the scorer writes anything
        this.thread = new Thread(this::run, "bench-tail-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (!stop.get() && records < expected) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(50));
                if (!polled.isEmpty()) {
                    long now = System.nanoTime();
                    if (records == 0) {
                        first = now;
                    }
                    records += polled.count();
                    last = now;
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Waits until every expected record arrived, or the timeout passed. */
    public Result await(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        stop.set(true);
        thread.join(10_000);
        if (failure != null) {
            throw failure;
        }
        return new Result(records, first, last, records >= expected);
    }

    public long records() {
        return records;
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join(10_000);
    }
}
