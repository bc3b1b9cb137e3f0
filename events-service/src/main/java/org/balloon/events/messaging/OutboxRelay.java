package org.balloon.events.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.balloon.contracts.TopicNames;
import org.balloon.contracts.Topics;
import org.balloon.contracts.tracing.RecordTracing;
import org.balloon.events.persistence.OutboxEntity;
import org.balloon.events.service.OutboxConfig;
import org.balloon.events.service.OutboxSignal;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to the actions topic on a dedicated thread, woken after each commit and
 * polling as a fallback. A row is marked sent only after the broker acknowledged it (idempotent
 * producer, acks=all). At most one record per action is in flight, and a tombstone waits until its
 * action's record is acknowledged, so a retraction never overtakes its action. While the broker is
 * away rows simply wait; while PostgreSQL is away the relay backs off.
 */
@ApplicationScoped
public class OutboxRelay implements OutboxSignal {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** pg advisory lock id, per schema: with several instances only one relays at a time, which keeps per-action order. */
    private final long relayLock;
    private final String bootstrapServers;
    private final String topic;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration deliveryTimeout;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong unsent = new AtomicLong();
    // when the oldest unsent row was stored (epoch ms, 0 = none): the age is taken at scrape time,
    // so it keeps growing while the relay is stuck and cannot refresh it
    private final AtomicLong oldestUnsentSince = new AtomicLong();
    private static final long LAG_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private volatile long lagRefreshedAt = System.nanoTime();
    private final Counter published;
    private final Counter publishFailures;
    private volatile boolean running;
    private volatile Thread thread;
    private Producer<String, String> producer;
    private final DataSource dataSource;
    private final Tracer tracer;
    // every kafka.* setting (security.protocol, sasl.*, ssl.* in production), as Quarkus collects them
    private final Map<String, Object> kafkaDefaults;

    public OutboxRelay(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            TopicNames topics, OutboxConfig config, @ConfigProperty(name = "balloon.db.schema") String schema,
            DataSource dataSource, MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaDefaults, Tracer tracer,
            @ConfigProperty(name = "quarkus.otel.sdk.disabled") boolean tracingOff) {
        this.dataSource = dataSource;
        this.tracer = RecordTracing.tracer(tracer, tracingOff);
        this.kafkaDefaults = kafkaDefaults;
        this.relayLock = ("balloon-outbox-relay:" + schema).hashCode();
        this.bootstrapServers = bootstrapServers;
        this.topic = topics.policyActions();
        this.batchSize = config.batchSize();
        this.pollInterval = config.pollInterval();
        this.deliveryTimeout = config.deliveryTimeout();
        this.published = Counter.builder("balloon.outbox.published").description("records the broker acknowledged")
                .register(registry);
        this.publishFailures = Counter.builder("balloon.outbox.publish.failures")
                .description("records the broker did not acknowledge in time (retried)").register(registry);
        Gauge.builder("balloon.outbox.lag", unsent, AtomicLong::get)
                .description("outbox records stored but not yet acknowledged by the broker").register(registry);
        Gauge.builder("balloon.outbox.oldest.unsent.seconds", oldestUnsentSince,
                        v -> v.get() == 0 ? 0 : Math.max(0, System.currentTimeMillis() - v.get()) / 1000.0)
                .description("age of the oldest unpublished outbox record").register(registry);
    }

    void start(@Observes StartupEvent event) {
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        running = true;
        thread = new Thread(this::run, "balloon-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake.release();
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    Map<String, Object> producerConfig() {
        int timeout = (int) deliveryTimeout.toMillis();
        Map<String, Object> config = new HashMap<>(kafkaDefaults);
        config.putAll(Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, "balloon-events-outbox"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
                Map.entry(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE),
                // a lone action goes out at once; a round of many fills batches while the first request is in flight
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 1),
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, timeout / 2)),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout),
                // a send() blocked on metadata must not hold the relay forever when the broker is gone
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                // a restarted broker is found again within a second (Kafka's defaults, pinned: every
                // second here delays every action accepted meanwhile)
                Map.entry(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000),
                Map.entry(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 1_000)));
        return config;
    }

    @Override
    public void committed() {
        wake.release();
    }

    /** Records stored but not yet acknowledged, as of the relay's last round. */
    public long lag() {
        return unsent.get();
    }

    public boolean isAlive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    private void run() {
        Duration backoff = pollInterval;
        while (running) {
            try {
                int handled = relayOnce();
                backoff = pollInterval;
                if (handled < batchSize) {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay round failed, retrying in %s: %s", backoff, e.toString());
                refreshLagQuietly();
                try {
                    wake.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
        }
    }

    /** One round: publish up to batchSize pending rows, mark the acknowledged ones sent. @return rows sent */
    int relayOnce() {
        // the transaction outlives the producer's delivery timeout, so every send is settled inside it
        int sent = QuarkusTransaction.requiringNew()
                .timeout((int) deliveryTimeout.plusSeconds(60).toSeconds())
                .call(this::publishPending);
        // the gauges need not follow every round: under a stream of single submissions a round
        // runs for nearly every action, and two more queries each time were a fifth of its work
        long now = System.nanoTime();
        if (sent == 0 || now - lagRefreshedAt > LAG_REFRESH_NANOS) {
            refreshLag();
            lagRefreshedAt = now;
        }
        return sent;
    }

    private int publishPending() {
        var em = Panache.getEntityManager();
        Boolean leader = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", relayLock).getSingleResult();
        if (!Boolean.TRUE.equals(leader)) {
            return 0;
        }
        List<OutboxEntity> pending = OutboxEntity.<OutboxEntity>find("sentAt is null order by seq")
                .page(0, batchSize).list();
        if (pending.isEmpty()) {
            return 0;
        }
        List<OutboxEntity> batch = inFlightOrder(pending);
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        // one span per record, under the trace of the request that stored it (the row's traceparent)
        List<Span> spans = new ArrayList<>(batch.size());
        for (OutboxEntity row : batch) {
            Span span = RecordTracing.start(tracer, topic + " publish", SpanKind.PRODUCER, topic, row.traceparent);
            spans.add(span);
            acks.add(producer.send(record(row, RecordTracing.traceparentOr(span, row.traceparent))));
        }
        int n = batch.size();
        Long[] seqs = new Long[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        int sent = 0;
        for (int i = 0; i < n; i++) {
            OutboxEntity row = batch.get(i);
            Span span = spans.get(i);
            try {
                RecordMetadata ack = acks.get(i).get();
                span.setAttribute("messaging.destination.partition.id", Integer.toString(ack.partition()));
                seqs[sent] = row.seq;
                partitions[sent] = ack.partition();
                offsets[sent] = ack.offset();
                sent++;
            } catch (ExecutionException e) {
                span.setStatus(StatusCode.ERROR, "not acknowledged");
                span.recordException(e.getCause());
                publishFailures.increment();
                LOG.debugf("outbox record %d (action %s) not acknowledged: %s", row.seq, row.actionId, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                spans.subList(i, n).forEach(Span::end);
                throw new IllegalStateException("interrupted while waiting for the broker", e);
            }
            span.end();
        }
        markSent(Arrays.copyOf(seqs, sent), Arrays.copyOf(partitions, sent), Arrays.copyOf(offsets, sent));
        published.increment(sent);
        if (sent == 0) {
            throw new IllegalStateException("the broker acknowledged none of " + batch.size() + " records");
        }
        return sent;
    }

    /**
     * Marks a round's acknowledged rows sent with one statement. The rows were read as entities but
     * never changed, so Hibernate writes nothing for them at commit.
     */
    private void markSent(Long[] seqs, Integer[] partitions, Long[] offsets) {
        if (seqs.length == 0) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE outbox_record o SET sent_at = ?, kafka_partition = u.p, kafka_offset = u.o
                FROM unnest(?::bigint[], ?::integer[], ?::bigint[]) AS u(seq, p, o)
                WHERE o.seq = u.seq
                """)) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setArray(2, c.createArrayOf("bigint", seqs));
            ps.setArray(3, c.createArrayOf("integer", partitions));
            ps.setArray(4, c.createArrayOf("bigint", offsets));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark " + seqs.length + " outbox records sent", e);
        }
    }

    /**
     * The rows to send this round, oldest first: only the first pending row of each action, and a
     * tombstone only once its action's record is acknowledged (the outbox sequence alone cannot
     * promise that across instances).
     */
    private List<OutboxEntity> inFlightOrder(List<OutboxEntity> pending) {
        Set<UUID> tombstoned = new HashSet<>();
        pending.stream().filter(OutboxEntity::isTombstone).forEach(o -> tombstoned.add(o.actionId));
        Set<UUID> actionsUnsent = tombstoned.isEmpty() ? Set.of() : new HashSet<>(Panache.getEntityManager()
                .createQuery("select o.actionId from OutboxEntity o where o.sentAt is null and o.payload is not null"
                        + " and o.actionId in :ids", UUID.class)
                .setParameter("ids", tombstoned).getResultList());
        Set<UUID> inFlight = new HashSet<>();
        List<OutboxEntity> batch = new ArrayList<>(pending.size());
        for (OutboxEntity row : pending) {
            if (row.isTombstone() && actionsUnsent.contains(row.actionId)) {
                continue;
            }
            if (inFlight.add(row.actionId)) {
                batch.add(row);
            }
        }
        return batch;
    }

    private ProducerRecord<String, String> record(OutboxEntity row, String traceparent) {
        String key = row.actionId.toString();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, row.payload);
        record.headers().add(Topics.HEADER_ACTION_ID, key.getBytes(StandardCharsets.UTF_8));
        if (traceparent != null) {
            // the publish span's context, so the scoring span is its child (the stored one when tracing is off)
            record.headers().add(Topics.HEADER_TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        if (row.principal != null) {
            record.headers().add(Topics.HEADER_PRINCIPAL, row.principal.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /** After a failed round (broker away): the lag gauges still show the rows that wait, if PostgreSQL answers. */
    private void refreshLagQuietly() {
        try {
            refreshLag();
        } catch (RuntimeException e) {
            LOG.debugf("cannot refresh the outbox lag: %s", e);
        }
    }

    private void refreshLag() {
        QuarkusTransaction.requiringNew().run(() -> {
            Object[] row = Panache.getEntityManager()
                    .createQuery("select count(o), min(o.createdAt) from OutboxEntity o where o.sentAt is null", Object[].class)
                    .getSingleResult();
            unsent.set(((Number) row[0]).longValue());
            Instant oldest = (Instant) row[1];
            oldestUnsentSince.set(oldest == null ? 0 : oldest.toEpochMilli());
        });
    }
}
