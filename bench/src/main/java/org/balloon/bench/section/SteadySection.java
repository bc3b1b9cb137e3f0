package org.balloon.bench.section;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.balloon.bench.domain.Actions;
import org.balloon.bench.domain.Arrivals;
import org.balloon.bench.http.ScoreStream;
import org.balloon.bench.report.Row;
import org.balloon.bench.report.Row.Goal;
import org.balloon.bench.report.Samples;

/**
 * Target 5: a steady offered load on {@code POST /api/actions} and one SSE listener, then single
 * actions one at a time. The load is open-loop: every send has a scheduled time (start + i / rate)
 * and at most 32 requests are in flight (32 clients); a slow server delays sends, which shows as
 * request latency measured from the scheduled time, never as a quietly lower offered rate.
 */
public final class SteadySection implements Section {

    static final String COUNTRY = "HN";
    static final String SINGLES_COUNTRY = "SV";
    private static final String ACCEPTED = "5. steady load: accepted/s of 500/s offered, 32 clients";
    private static final String MISSING = "5. steady load: accepted actions whose score never came";
    private static final String P50 = "5. steady load: 202 → score on the stream, p50";
    private static final String P99 = "5. steady load: 202 → score on the stream, p99";
    private static final String SINGLES = "5. singles one at a time: 202 → score on the stream, p50";
    private static final Goal P50_GOAL = Goal.atMost(10);
    private static final Goal P99_GOAL = Goal.atMost(50);
    private static final Goal SINGLES_GOAL = Goal.atMost(8);
    private static final Goal NONE_MISSING = Goal.atMost(0);

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String name() {
        return "steady";
    }

    @Override
    public List<Row> run(Context ctx) throws Exception {
        List<Row> rows = new ArrayList<>(steady(ctx));
        rows.add(singles(ctx));
        return rows;
    }

    private List<Row> steady(Context ctx) throws Exception {
        int rate = ctx.cfg().steadyRate();
        int clients = ctx.cfg().steadyClients();
        long seconds = ctx.cfg().steadyDuration().toSeconds();
        int n = (int) (rate * seconds);
        Arrivals arrivals = new Arrivals();
        ScoreStream stream = ScoreStream.open(ctx.client(), ctx.cfg().gateway(), COUNTRY, arrivals);
        try {
            stream.opened().get(15, TimeUnit.SECONDS);
            ctx.progress(name(), n + " actions at " + rate + "/s for " + seconds + " s, " + clients + " clients");
            Map<String, Long> accepted = new ConcurrentHashMap<>();
            Map<Integer, AtomicInteger> refused = new ConcurrentHashMap<>();
            AtomicInteger errors = new AtomicInteger();
            Samples requestLatency = new Samples();
            Semaphore inFlight = new Semaphore(clients);
            String url = ctx.cfg().gateway() + "/api/actions";
            String title = "bench steady " + ctx.cfg().runId();
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime() + 50_000_000L;
            long hardStop = start + TimeUnit.SECONDS.toNanos(seconds + 30);
            int sent = 0;
            for (int i = 0; i < n; i++) {
                long scheduled = start + i * interval;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (!inFlight.tryAcquire(Math.max(0, hardStop - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break; // the server stopped answering: the run stays bounded
                }
                sent++;
                ctx.client().postAsync(url, "application/json", Actions.json(Actions.submission(COUNTRY, title, i)),
                        Duration.ofSeconds(30)).whenComplete((r, e) -> {
                            long now = System.nanoTime();
                            inFlight.release();
                            if (e != null) {
                                errors.incrementAndGet();
                            } else if (r.statusCode() == 202) {
                                requestLatency.addNanos(now - scheduled);
                                accepted.put(id(r), now);
                            } else {
                                refused.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                            }
                        });
            }
            inFlight.tryAcquire(clients, 60, TimeUnit.SECONDS);
            // over the schedule, or longer when the server made the sends late
            double window = Math.max(seconds, (System.nanoTime() - start) / 1e9);
            int missing = arrivals.await(accepted.keySet(), Duration.ofSeconds(30));
            Samples toScore = new Samples();
            accepted.forEach((id, t202) -> {
                Long t = arrivals.of(id);
                if (t != null) {
                    toScore.addNanos(t - t202);
                }
            });
            String load = String.format(Locale.ROOT, "%d offered, %d sent, %d accepted in %.0f s, refused %s, %d errors; request latency "
                    + "from the scheduled send: %s", n, sent, accepted.size(), window, refused.isEmpty() ? "none" : refused.toString(),
                    errors.get(), requestLatency.summary());
            List<Row> rows = new ArrayList<>();
            rows.add(Row.of(ACCEPTED, accepted.size() / window, "actions/s", Goal.atLeast(rate), null, load));
            rows.add(Row.of(MISSING, missing, "", NONE_MISSING, null, "waited up to 30 s after the last 202"));
            rows.add(latency(P50, toScore, 50, P50_GOAL));
            rows.add(latency(P99, toScore, 99, P99_GOAL));
            return rows;
        } finally {
            stream.close();
        }
    }

    private Row singles(Context ctx) throws Exception {
        Arrivals arrivals = new Arrivals();
        ScoreStream stream = ScoreStream.open(ctx.client(), ctx.cfg().gateway(), SINGLES_COUNTRY, arrivals);
        try {
            stream.opened().get(15, TimeUnit.SECONDS);
            int n = ctx.cfg().singles();
            ctx.progress(name(), n + " single actions, one at a time");
            Samples latency = new Samples();
            int missing = 0;
            String url = ctx.cfg().gateway() + "/api/actions";
            for (int i = 0; i < n; i++) {
                HttpResponse<String> r = ctx.client().post(url, "application/json",
                        Actions.json(Actions.submission(SINGLES_COUNTRY, "bench single " + ctx.cfg().runId(), i)),
                        Duration.ofSeconds(30));
                long t202 = System.nanoTime();
                if (r.statusCode() != 202) {
                    return Row.failed(SINGLES, SINGLES_GOAL, "POST /api/actions answered " + r.statusCode());
                }
                String id = id(r);
                if (arrivals.await(List.of(id), Duration.ofSeconds(10)) > 0) {
                    missing++;
                } else {
                    latency.addNanos(arrivals.of(id) - t202);
                }
            }
            return Row.of(SINGLES, latency.percentileMillis(50), "ms", SINGLES_GOAL, null,
                    latency.summary() + (missing > 0 ? ", " + missing + " not scored within 10 s" : ""));
        } finally {
            stream.close();
        }
    }

    private static Row latency(String target, Samples s, double p, Goal goal) {
        if (s.size() == 0) {
            return Row.failed(target, goal, "no score arrived");
        }
        return Row.of(target, s.percentileMillis(p), "ms", goal, null, s.summary());
    }

    private String id(HttpResponse<String> r) {
        try {
            return json.readTree(r.body()).path("id").asText();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Override
    public List<Row> failed(String why) {
        return List.of(Row.failed(ACCEPTED, Goal.atLeast(500), why), Row.failed(P50, P50_GOAL, why),
                Row.failed(P99, P99_GOAL, why), Row.failed(SINGLES, SINGLES_GOAL, why));
    }
}
