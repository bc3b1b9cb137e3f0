package org.balloon.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.TopicNames;
import org.balloon.gateway.domain.BatchResult;
import org.balloon.gateway.domain.ScoreFilter;
import org.balloon.gateway.domain.ScoreWrite;
import org.balloon.gateway.domain.StoreResult;
import org.balloon.gateway.domain.StoredScore;
import org.balloon.gateway.messaging.ScoreConsumer;
import org.balloon.gateway.persistence.ScoreStore;
import org.balloon.gateway.persistence.StoreException;
import org.balloon.gateway.service.ScoreBroadcaster;
import org.balloon.gateway.service.StreamConfig;
import org.balloon.gateway.service.StreamWriter;
import org.junit.jupiter.api.Test;

/**
 * The score consumer's logic without a broker or a database (the fast tier): what a poll turns
 * into for the store, what it counts, what it streams, and how it waits out a store that is down.
 * The store is an in-memory stand-in that hands out sequences as PostgreSQL would.
 */
class ScoreConsumerTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final MemoryStore store = new MemoryStore();
    private final ScoreBroadcaster broadcaster = new ScoreBroadcaster(store, new Config(), metrics);
    private final ScoreConsumer consumer = new ScoreConsumer(store, broadcaster, ScorePublisher.JSON, metrics, new Topics(),
            OpenTelemetry.noop().getTracer("test"), true);

    @Test
    void aPollOfScoresATombstoneAndAnUnreadableRecordIsStoredInTimestampOrderAndStreamedInOneWrite() throws Exception {
        Frames stream = new Frames();
        broadcaster.open(stream, ScoreFilter.NONE, null);
        ActionScore a = score("PA");
        ActionScore c = score("CO");
        UUID retracted = UUID.randomUUID();

        consumer.consume(poll(
                record(0, 7, a.actionId().toString(), ScorePublisher.json(a), 10),
                record(1, 3, retracted.toString(), null, 20),
                record(0, 8, "x", "not json", 30),
                record(1, 4, c.actionId().toString(), ScorePublisher.json(c), 40)));

        assertThat(store.batches).hasSize(1);
        List<ScoreWrite> writes = store.batches.get(0);
        assertThat(writes).extracting(ScoreWrite::actionId).containsExactly(a.actionId(), retracted, c.actionId());
        assertThat(store.positions).containsEntry(0, 9L).containsEntry(1, 5L);
        assertThat(metrics.counter("balloon.gateway.scores.unreadable").count()).isEqualTo(1);
        assertThat(metrics.counter("balloon.gateway.scores.retracted").count()).isEqualTo(1);
        assertThat(stream.writes).hasSize(2); // the opening retry field, then the poll's two scores together
        assertThat(stream.writes.get(1)).contains(a.actionId().toString()).contains(c.actionId().toString())
                .startsWith("id: 1\nevent: score\n");
    }

    @Test
    void aStoreThatIsDownIsWaitedOutAndThePollIsStoredOnceItIsBack() throws Exception {
        store.failuresToCome = 2;
        ActionScore a = score("PA");

        consumer.consume(poll(record(0, 0, a.actionId().toString(), ScorePublisher.json(a), 10)));

        assertThat(store.attempts).isEqualTo(3);
        assertThat(store.batches).hasSize(1);
        assertThat(metrics.counter("balloon.gateway.store.failures").count()).isEqualTo(2);
    }

    @Test
    void aScoreTheDatabaseRefusesIsSetAsideAndTheRestOfThePollIsStored() throws Exception {
        ActionScore good = score("PA");
        ActionScore refused = score("CO");
        store.refused.add(refused.actionId());

        consumer.consume(poll(record(0, 0, refused.actionId().toString(), ScorePublisher.json(refused), 10),
                record(0, 1, good.actionId().toString(), ScorePublisher.json(good), 20)));

        assertThat(store.stored).containsExactly(good.actionId());
        assertThat(metrics.counter("balloon.gateway.scores.rejected").count()).isEqualTo(1);
        assertThat(store.positions).containsEntry(0, 2L);
    }

    private static ActionScore score(String country) {
        return ScorePublisher.score(ScorePublisher.action(UUID.randomUUID(), country), "m1", 40, 10, 20);
    }

    @SafeVarargs
    private static ConsumerRecords<String, String> poll(ConsumerRecord<String, String>... records) {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new java.util.LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            byPartition.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), p -> new ArrayList<>()).add(r);
        }
        return new ConsumerRecords<>(byPartition, Map.of());
    }

    private static ConsumerRecord<String, String> record(int partition, long offset, String key, String value, long timestamp) {
        return new ConsumerRecord<>("scores", partition, offset, timestamp, TimestampType.CREATE_TIME, 0, 0, key, value,
                new RecordHeaders(), Optional.empty());
    }

    /** PostgreSQL's part, in memory: each changed score a new sequence; an outage or a refusal on demand. */
    static final class MemoryStore extends ScoreStore {
        final List<List<ScoreWrite>> batches = new CopyOnWriteArrayList<>();
        final List<UUID> stored = new CopyOnWriteArrayList<>();
        final Set<UUID> refused = new LinkedHashSet<>();
        final Map<Integer, Long> positions = new java.util.concurrent.ConcurrentHashMap<>();
        volatile int failuresToCome;
        volatile int attempts;
        private long seq;

        MemoryStore() {
            super(null, ScorePublisher.JSON);
        }

        @Override
        public synchronized BatchResult storeBatch(List<ScoreWrite> writes, String topic, Map<Integer, Long> nextOffsets) {
            attempts++;
            if (failuresToCome > 0) {
                failuresToCome--;
                throw new StoreException("database down", new SQLException("connection refused", "08001"));
            }
            if (writes.stream().anyMatch(w -> refused.contains(w.actionId()))) {
                throw new StoreException("refused", new SQLException("unsupported Unicode escape sequence", "22P05"));
            }
            batches.add(List.copyOf(writes));
            positions.putAll(nextOffsets);
            List<StoreResult> results = new ArrayList<>();
            Set<UUID> retractions = new LinkedHashSet<>();
            for (ScoreWrite w : writes) {
                if (w instanceof ScoreWrite.Upsert u) {
                    stored.add(u.score().actionId());
                    results.add(new StoreResult(new StoredScore(++seq, u.score().actionId(), u.score().modelVersion(),
                            u.score().overall(), u.score().action().targetCountry(), u.score().action().type().name(), null,
                            List.of(), List.of(), false, u.json()), true));
                } else {
                    retractions.add(w.actionId());
                }
            }
            return new BatchResult(results, retractions, 0);
        }

        @Override
        public synchronized void savePositions(String topic, Map<Integer, Long> nextOffsets) {
            positions.putAll(nextOffsets);
        }

        @Override
        public long maxSequence() {
            return 0;
        }
    }

    /** A client of the stream that reads at once. */
    static final class Frames implements StreamWriter {
        final List<String> writes = new CopyOnWriteArrayList<>();

        @Override
        public CompletionStage<?> write(byte[] frames) {
            writes.add(new String(frames, StandardCharsets.UTF_8));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isClosed() {
            return false;
        }

        @Override
        public void close() {
        }
    }

    static final class Config implements StreamConfig {
        @Override
        public Duration heartbeat() {
            return Duration.ofMinutes(1);
        }

        @Override
        public int clientBuffer() {
            return 100;
        }

        @Override
        public Duration replayStall() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration reconnect() {
            return Duration.ofSeconds(1);
        }
    }

    static final class Topics implements TopicNames {
        @Override
        public String policyActions() {
            return "actions";
        }

        @Override
        public String actionScores() {
            return "scores";
        }

        @Override
        public String dlq() {
            return "dlq";
        }
    }
}
