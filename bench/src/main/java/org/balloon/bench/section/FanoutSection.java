package org.balloon.bench.section;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.balloon.bench.domain.Actions;
import org.balloon.bench.http.ScoreStream;
import org.balloon.bench.http.StackClient;
import org.balloon.bench.process.Machine;
import org.balloon.bench.report.Row;
import org.balloon.bench.report.Row.Goal;
import org.balloon.bench.report.Samples;

/**
 * Target 6: many SSE subscribers at once while scores flow (small NDJSON batches through the
 * gateway, every 100 ms, so the scores take the real path). Each subscriber should get every score;
 * each arrival's extra delay is measured against the earliest arrival of the same score among all
 * subscribers, which leaves out the pipeline and keeps only the fan-out.
 */
public final class FanoutSection implements Section {

    static final String COUNTRY = "NI";
    private static final String MISSES = "6. fan-out: scores a subscriber missed";
    private static final String DELAY = "6. fan-out: extra delay of an arrival vs the earliest, p99";
    private static final String RSS = "6. fan-out: gateway RSS after (before in the note)";
    private static final Goal NONE = Goal.atMost(0);
    private static final Goal DELAY_GOAL = Goal.atMost(100);
    private static final int TICKS_PER_SECOND = 10;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public List<Row> run(Context ctx) throws Exception {
        int subscribers = ctx.cfg().fanoutSubscribers();
        int rate = ctx.cfg().fanoutRate();
        long seconds = ctx.cfg().fanoutDuration().toSeconds();
        int capacity = (int) (rate * seconds * 1.2) + 1_000;
        long base = System.nanoTime();
        Map<String, Integer> index = new ConcurrentHashMap<>();
        AtomicInteger nextIndex = new AtomicInteger();
        AtomicLong arrivals = new AtomicLong();
        // micros since base + 1 per subscriber and score; 0 = not arrived
        AtomicIntegerArray[] arrived = new AtomicIntegerArray[subscribers];
        List<ScoreStream> streams = new ArrayList<>(subscribers);
        OptionalDouble rssBefore = ctx.machine().rssMiB("gateway");
        try {
            ctx.progress(name(), "opening " + subscribers + " SSE subscribers");
            for (int k = 0; k < subscribers; k++) {
                AtomicIntegerArray mine = new AtomicIntegerArray(capacity);
                arrived[k] = mine;
                streams.add(ScoreStream.open(ctx.client(), ctx.cfg().gateway(), COUNTRY, (id, t) -> {
                    int ix = index.computeIfAbsent(id, x -> nextIndex.getAndIncrement());
                    if (ix < capacity) {
                        mine.set(ix, (int) ((t - base) / 1_000) + 1);
                        arrivals.incrementAndGet();
                    }
                }));
            }
            int failedToOpen = 0;
            long openDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (ScoreStream s : streams) {
                try {
                    s.opened().get(Math.max(1, openDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    failedToOpen++;
                }
            }
            OptionalDouble rssOpen = ctx.machine().rssMiB("gateway");

            int perTick = rate / TICKS_PER_SECOND;
            ctx.progress(name(), String.format(Locale.ROOT, "%d open (%d failed); %d scores/s for %d s", subscribers - failedToOpen,
                    failedToOpen, rate, seconds));
            Set<String> ids = ConcurrentHashMap.newKeySet();
            AtomicInteger refused = new AtomicInteger();
            List<CompletableFuture<?>> requests = new ArrayList<>();
            long start = System.nanoTime();
            for (int tick = 0; tick < seconds * TICKS_PER_SECOND; tick++) {
                long wait = start + tick * (1_000_000_000L / TICKS_PER_SECOND) - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String body = Actions.ndjson(COUNTRY, "bench fan-out " + ctx.cfg().runId() + " " + tick, perTick);
                requests.add(ctx.client().postAsync(ctx.cfg().gateway() + "/api/actions/batch", StackClient.NDJSON, body,
                        Duration.ofSeconds(30)).thenAccept(r -> {
                            if (r.statusCode() != 200) {
                                refused.incrementAndGet();
                                return;
                            }
                            try {
                                for (JsonNode item : json.readTree(r.body()).path("results")) {
                                    if (item.hasNonNull("id")) {
                                        ids.add(item.get("id").asText());
                                    }
                                }
                            } catch (java.io.IOException e) {
                                refused.incrementAndGet();
                            }
                        }));
            }
            try {
                CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                ctx.progress(name(), "not every batch was answered: " + e);
            }
            long open = subscribers - failedToOpen;
            long expected = open * ids.size();
            // the last arrivals: until all are in, or none came for 10 s, at most 120 s
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            long seen = -1;
            long lastProgress = System.nanoTime();
            while (arrivals.get() < expected && System.nanoTime() < waitUntil
                    && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(10)) {
                TimeUnit.MILLISECONDS.sleep(100);
                if (arrivals.get() != seen) {
                    seen = arrivals.get();
                    lastProgress = System.nanoTime();
                }
            }
            double flowSeconds = (System.nanoTime() - start) / 1e9;
            int disconnects = 0;
            for (ScoreStream s : streams) {
                disconnects += s.disconnects();
            }

            long misses = 0;
            Samples extra = new Samples();
            for (String id : ids) {
                Integer ix = index.get(id);
                if (ix == null || ix >= capacity) {
                    misses += open;
                    continue;
                }
                int earliest = Integer.MAX_VALUE;
                for (AtomicIntegerArray a : arrived) {
                    int t = a.get(ix);
                    if (t > 0) {
                        earliest = Math.min(earliest, t);
                    }
                }
                for (int k = 0; k < subscribers; k++) {
                    int t = arrived[k].get(ix);
                    if (t > 0) {
                        extra.add(t - earliest);
                    } else if (streams.get(k).opened().isDone() && !streams.get(k).opened().isCompletedExceptionally()) {
                        misses++;
                    }
                }
            }
            OptionalDouble rssAfter = ctx.machine().rssMiB("gateway");
            String flow = String.format(Locale.ROOT, "%d subscribers (%d failed to open, %d disconnected as too slow) × %d scores "
                    + "(%d batches refused); %d arrivals of %d expected by %.0f s after the flow began", open, failedToOpen,
                    disconnects, ids.size(), refused.get(), arrivals.get(), expected, flowSeconds);
            List<Row> rows = new ArrayList<>();
            rows.add(Row.of(MISSES, misses, "", NONE, null, flow));
            rows.add(extra.size() == 0 ? Row.failed(DELAY, DELAY_GOAL, "no score arrived")
                    : Row.of(DELAY, extra.percentileMillis(99), "ms", DELAY_GOAL, null, extra.summary()));
            rows.add(rssAfter.isPresent()
                    ? Row.info(RSS, rssAfter.getAsDouble(), "MiB", String.format(Locale.ROOT,
                            "before %s MiB, with the subscribers open %s MiB", mib(rssBefore), mib(rssOpen)))
                    : Row.failed(RSS, null, "no gateway pid in .run/pids (stack not started by bin/balloon?)"));
            return rows;
        } finally {
            streams.forEach(ScoreStream::close);
        }
    }

    private static String mib(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.0f", v.getAsDouble()) : "?";
    }

    @Override
    public List<Row> failed(String why) {
        return List.of(Row.failed(MISSES, NONE, why), Row.failed(DELAY, DELAY_GOAL, why), Row.failed(RSS, null, why));
    }
}
