package org.balloon.scoring.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.balloon.contracts.TopicNames;
import org.balloon.scoring.service.ModelSettings;
import org.balloon.scoring.service.ScoringService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * After an upgrade, re-scores the history by itself. At start (in the background, so readiness is
 * not delayed) it reads the scores topic up to its end as of that moment, headers only, and keeps
 * the model version of the latest score of every action (a tombstone forgets the action). If any
 * action's latest score was made by another model than the active one, it starts a re-score job.
 *
 * <p>Why the scores topic: it is where every consumer (the gateway's store included) takes scores
 * from, and every score names its model in the {@code balloon-model-version} header, so the check
 * needs no store of its own and no JSON parsing. Deciding on the latest score of each action, not
 * on the newest record of the topic, keeps the check right when a previous start died half-way
 * through a re-score, or when the live stream already wrote new-version scores after the upgrade.
 * Several instances starting together may each start a job; the jobs write identical records
 * (scoredAt is the action's receivedAt), which consumers store idempotently.
 */
@ApplicationScoped
public class ModelUpgradeCheck {

    private static final Logger LOG = Logger.getLogger(ModelUpgradeCheck.class);

    /** What a check found: scores read, the actions whose latest score is of another model (by version), the job started. */
    public record Verdict(long scoresRead, long actions, Map<String, Long> staleByModelVersion,
            Optional<RescoreJobs.Status> job) {

        public long stale() {
            return staleByModelVersion.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final RescoreJobs jobs;
    private final ScoringService scoring;
    private final String bootstrapServers;
    private final String scoresTopic;
    private final boolean enabled;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "balloon-upgrade-check"));

    public ModelUpgradeCheck(RescoreJobs jobs, ScoringService scoring,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            TopicNames topics, ModelSettings settings) {
        this.jobs = jobs;
        this.scoring = scoring;
        this.bootstrapServers = bootstrapServers;
        this.scoresTopic = topics.actionScores();
        // the history-aware stream re-scores its record itself at start (HistoryProcessor); a job would publish scores without history
        this.enabled = settings.rescoreOnUpgrade() && !scoring.historyAware();
    }

    void onStart(@Observes StartupEvent event) {
        if (scoring.historyAware()) {
            LOG.info("history-aware scoring: the record is re-scored by the stream itself at start, no re-score job");
            return;
        }
        if (!enabled) {
            LOG.info("re-score on model upgrade is off (balloon.model.rescore-on-upgrade=false)");
            return;
        }
        executor.submit(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                // the service still scores the live stream; an operator can POST /admin/rescore
                LOG.warnf(e, "could not check the stored scores' model version; no automatic re-score");
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Reads the stored scores' model versions and starts a re-score when any action's latest score is stale. */
    public Verdict check() {
        String active = scoring.modelVersion();
        Map<String, String> latest = new HashMap<>();
        long read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(scoresTopic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(scoresTopic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition())) || r.key() == null) {
                        continue;
                    }
                    read++;
                    if (r.value() == null) {
                        latest.remove(r.key());
                    } else {
                        Header h = r.headers().lastHeader(ScoreHeaders.MODEL_VERSION);
                        latest.put(r.key(), h == null ? "(none)" : new String(h.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        Map<String, Long> stale = new TreeMap<>();
        latest.values().stream().filter(v -> !v.equals(active)).forEach(v -> stale.merge(v, 1L, Long::sum));
        Optional<RescoreJobs.Status> job = Optional.empty();
        if (!stale.isEmpty()) {
            job = Optional.of(jobs.start());
            LOG.infof("%d of %d stored scores were made by another model %s; re-scoring the history under %s (job %s)",
                    stale.values().stream().mapToLong(Long::longValue).sum(), latest.size(), stale.keySet(), active,
                    job.get().jobId());
        } else {
            LOG.infof("all %d stored scores were made by the active model %s", latest.size(), active);
        }
        return new Verdict(read, latest.size(), Map.copyOf(stale), job);
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "balloon-scoring-upgrade-check");
        return p;
    }
}
