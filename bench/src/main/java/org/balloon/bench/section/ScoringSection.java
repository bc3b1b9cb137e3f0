package org.balloon.bench.section;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.balloon.bench.domain.Actions;
import org.balloon.bench.kafka.BareScorer;
import org.balloon.bench.kafka.OutputTail;
import org.balloon.bench.process.Machine;
import org.balloon.bench.process.ScoringProcess;
import org.balloon.bench.report.Row;
import org.balloon.bench.report.Row.Goal;
import org.balloon.contracts.PolicyAction;
import org.balloon.contracts.Topics;

/**
 * Target 3: the scoring-service alone against the plainest kafka-clients loop with the same engine
 * and guarantees, both on one pre-filled topic of this run and measured the same way (a tail of the
 * output topic: records / (last arrival − first arrival)).
 */
public final class ScoringSection implements Section {

    private static final int PARTITIONS = 6;
    private static final String TARGET = "3. scoring-service alone: pre-filled actions topic → scores topic";
    private static final double SHARE = 0.8;

    @Override
    public String name() {
        return "scoring";
    }

    @Override
    public List<Row> run(Context ctx) throws Exception {
        int n = ctx.cfg().scoringRecords();
        String actions = ctx.cfg().topic("actions");
        String scores = ctx.cfg().topic("scores");
        String dlq = ctx.cfg().topic("dlq");
        String bare = ctx.cfg().topic("scores-bare");
        Map<String, Integer> topics = new LinkedHashMap<>();
        topics.put(actions, PARTITIONS);
        topics.put(scores, PARTITIONS);
        topics.put(dlq, 1);
        topics.put(bare, PARTITIONS);
        ctx.kafka().createTopics(topics);
        try {
            ctx.progress(name(), "pre-filling " + actions + " with " + n + " actions");
            double fillRate = prefill(ctx, actions, n);
            Duration budget = Duration.ofSeconds(ctx.cfg().quick() ? 120 : 300);

            ctx.progress(name(), "bare kafka-clients loop → " + bare);
            OutputTail.Result bareResult;
            try (OutputTail tail = new OutputTail(ctx.kafka(), bare, PARTITIONS, n)) {
                new BareScorer(ctx.kafka()).run(actions, bare, "bench-" + ctx.cfg().runId() + "-bare", n, budget);
                bareResult = tail.await(Duration.ofSeconds(60));
            }

            ctx.progress(name(), "a second scoring-service on the run's topics → " + scores);
            OutputTail.Result serviceResult;
            String started;
            try (OutputTail tail = new OutputTail(ctx.kafka(), scores, PARTITIONS, n);
                    ScoringProcess service = ScoringProcess.start(ctx.cfg(), actions, scores, dlq, "bench-" + ctx.cfg().runId())) {
                serviceResult = tail.await(budget.plusSeconds(60)); // its start is not measured, but must fit
                OptionalDouble s = Machine.startSeconds(service.log());
                OptionalDouble rss = Machine.rssMiB(service.pid());
                started = (s.isPresent() ? String.format(Locale.ROOT, "started in %.1f s", s.getAsDouble()) : "start time not logged")
                        + (rss.isPresent() ? String.format(Locale.ROOT, ", RSS %.0f MiB after", rss.getAsDouble()) : "")
                        + (service.isAlive() ? "" : ", EXITED (see " + service.log() + ")");
            }
            String baseline = String.format(Locale.ROOT, "bare loop %s rec/s%s", fmt(bareResult.perSecond()),
                    bareResult.complete() ? "" : " (only " + bareResult.records() + " of " + n + ")");
            String note = String.format(Locale.ROOT, "N = %d, pre-filled at %s rec/s; service %s; service/bare %.2f×", n,
                    fmt(fillRate), started, serviceResult.perSecond() / bareResult.perSecond());
            if (!serviceResult.complete()) {
                return List.of(Row.failed(TARGET, Goal.atLeast(SHARE * bareResult.perSecond()),
                        "the service wrote " + serviceResult.records() + " of " + n + " scores in time; " + note));
            }
            return List.of(Row.of(TARGET, serviceResult.perSecond(), "rec/s", Goal.atLeast(SHARE * bareResult.perSecond()),
                    baseline, note + " (goal: 0.8 × bare)"));
        } finally {
            ctx.kafka().deleteTopics(new ArrayList<>(topics.keySet()));
        }
    }

    /** Writes n actions as the events-service publishes them: key = id, header balloon-action-id. @return records/s */
    private static double prefill(Context ctx, String topic, int n) throws Exception {
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        // at most 5 000 records unacknowledged, so none waits in the producer's buffer long enough to expire
        Semaphore unacked = new Semaphore(5_000);
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = ctx.kafka().setupProducer("bench-prefill")) {
            for (int i = 0; i < n && failure.get() == null; i++) {
                if (!unacked.tryAcquire(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the broker acknowledged nothing for 120 s while pre-filling");
                }
                PolicyAction a = Actions.published("CO", i);
                String id = a.id().toString();
                RecordHeaders h = new RecordHeaders();
                h.add(Topics.HEADER_ACTION_ID, id.getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(topic, null, id, Actions.json(a), h), (m, e) -> {
                    unacked.release();
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        acked.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return acked.get() / ((System.nanoTime() - t0) / 1e9);
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%,.0f", v).replace(',', ' ');
    }

    @Override
    public List<Row> failed(String why) {
        return List.of(Row.failed(TARGET, null, why));
    }
}
