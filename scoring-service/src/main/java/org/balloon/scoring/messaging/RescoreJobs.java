package org.balloon.scoring.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.balloon.contracts.ActionScore;
import org.balloon.contracts.TopicNames;
import org.balloon.scoring.service.ScoringService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Re-scores the whole history under the current model. A job reads the actions topic from the
 * beginning up to its end as it was when the job started, with plain Kafka clients under a
 * consumer group of its own ({@code balloon-scoring-rescore-<jobId>}, so the live group's
 * offsets are untouched), in two streaming passes (memory stays flat however long the history):
 * the first collects the retracted actions, the second publishes a fresh score for every action
 * that is still live, without waiting between sends. Records the decoder
 * refuses are counted as skipped: the live stream has already sent them to the DLQ.
 *
 * <p>The new scores carry the current modelVersion; scoredAt stays the action's receivedAt, so
 * re-scoring under an unchanged model republishes byte-identical records (harmless to consumers).
 * Jobs run one at a time on this instance and are remembered in memory only.
 */
@ApplicationScoped
public class RescoreJobs {

    private static final Logger LOG = Logger.getLogger(RescoreJobs.class);

    /** A job's state, as GET /admin/rescore/{id} shows it. */
    public enum State { QUEUED, RUNNING, COMPLETED, FAILED }

    /** A snapshot of a job's progress. */
    public record Status(UUID jobId, State state, String groupId, String modelVersion, Instant requestedAt,
            Instant finishedAt, long recordsRead, long liveActions, long scored, long skipped, long retracted,
            String error) {
    }

    private final ActionRecordDecoder decoder;
    private final ScoringService scoring;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String bootstrapServers;
    private final String actionsTopic;
    private final String scoresTopic;
    // every kafka.* setting (security.protocol, sasl.*, ssl.* in production), as Quarkus collects them
    private final Map<String, Object> kafkaDefaults;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "balloon-rescore"));
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();

    public RescoreJobs(ActionRecordDecoder decoder, ScoringService scoring, ObjectMapper mapper, Clock clock,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            TopicNames topics,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaDefaults) {
        this.kafkaDefaults = kafkaDefaults;
        this.decoder = decoder;
        this.scoring = scoring;
        this.mapper = mapper;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers;
        this.actionsTopic = topics.policyActions();
        this.scoresTopic = topics.actionScores();
    }

    public Status start() {
        UUID id = UUID.randomUUID();
        Job job = new Job(id, "balloon-scoring-rescore-" + id, scoring.modelVersion(), clock.instant());
        jobs.put(id, job);
        executor.submit(() -> run(job));
        return job.status();
    }

    public Optional<Status> status(UUID id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::status);
    }

    public List<Status> all() {
        return jobs.values().stream().map(Job::status).sorted(Comparator.comparing(Status::requestedAt).reversed()).toList();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private void run(Job job) {
        job.state.set(State.RUNNING);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(job.groupId),
                new StringDeserializer(), new StringDeserializer());
                KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(),
                        new StringSerializer(), new StringSerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(actionsTopic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(actionsTopic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));

            // Two streaming passes instead of holding the whole history in memory: first which
            // actions were retracted (a retraction is final), then every other action scored as it
            // is read and sent without waiting; flush() settles the sends.
            Set<String> retracted = new HashSet<>();
            readToEnd(consumer, partitions, end, r -> {
                if (r.value() == null && r.key() != null) {
                    retracted.add(r.key());
                }
            });
            job.retracted.set(retracted.size());
            AtomicReference<Exception> sendFailure = new AtomicReference<>();
            readToEnd(consumer, partitions, end, r -> {
                job.read.incrementAndGet();
                if (r.key() == null) {
                    job.skipped.incrementAndGet();
                    return;
                }
                if (r.value() == null || retracted.contains(r.key())) {
                    return;
                }
                if (!(decoder.decode(r.key(), r.value()) instanceof ActionRecordDecoder.Action a)) {
                    job.skipped.incrementAndGet();
                    return;
                }
                job.live.incrementAndGet();
                ActionScore score = scoring.score(a.action(), Instant.ofEpochMilli(r.timestamp()), ScoringService.Source.RESCORE);
                producer.send(new ProducerRecord<>(scoresTopic, null, r.key(), json(score),
                        ScoreHeaders.forScore(r.key(), r.headers(), score.modelVersion())), (meta, e) -> {
                            if (e == null) {
                                job.scored.incrementAndGet();
                            } else {
                                sendFailure.compareAndSet(null, e);
                            }
                        });
            });
            producer.flush();
            if (sendFailure.get() != null) {
                throw sendFailure.get();
            }
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            end.forEach((tp, offset) -> done.put(tp, new OffsetAndMetadata(offset)));
            consumer.commitSync(done);
            job.finish(State.COMPLETED, null, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.finish(State.FAILED, "interrupted", clock.instant());
        } catch (Exception e) {
            LOG.errorf(e, "rescore job %s failed", job.id);
            job.finish(State.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        }
    }

    /** Every record from the beginning up to the end offsets as they were when the job began. */
    private static void readToEnd(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> end, java.util.function.Consumer<ConsumerRecord<String, String>> each) {
        consumer.seekToBeginning(partitions);
        while (!reached(consumer, end)) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    each.accept(r);
                }
            }
        }
    }

    private String json(ActionScore score) {
        try {
            return mapper.writeValueAsString(score);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the score of " + score.actionId(), e);
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        Collection<TopicPartition> partitions = end.keySet();
        return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
    }

    private Properties consumerProperties(String groupId) {
        Properties p = new Properties();
        p.putAll(kafkaDefaults);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return p;
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.putAll(kafkaDefaults);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // a rescore is a bulk load: fuller batches, compressed
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return p;
    }

    private static final class Job {
        final UUID id;
        final String groupId;
        final Instant requestedAt;
        final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);
        final AtomicLong read = new AtomicLong();
        final AtomicLong live = new AtomicLong();
        final AtomicLong scored = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicLong retracted = new AtomicLong();
        final String modelVersion;
        volatile Instant finishedAt;
        volatile String error;

        Job(UUID id, String groupId, String modelVersion, Instant requestedAt) {
            this.id = id;
            this.groupId = groupId;
            this.modelVersion = modelVersion;
            this.requestedAt = requestedAt;
        }

        void finish(State s, String err, Instant at) {
            error = err;
            finishedAt = at;
            state.set(s);
        }

        Status status() {
            return new Status(id, state.get(), groupId, modelVersion, requestedAt, finishedAt, read.get(), live.get(),
                    scored.get(), skipped.get(), retracted.get(), error);
        }
    }
}
